import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";

// Schedule-free SGD and AdamW as the "reference" classes of facebookresearch/schedule_free
// (sgd_schedulefree_reference.py, adamw_schedulefree_reference.py at 59ed9b6 / 1fb6be5), Defazio et
// al. 2024, "The Road Less Scheduled". The parameters the core steps are y, where the gradient is
// taken (the library's train mode); z is the base sequence, x the weighted average one evaluates
// (the library's eval mode copies x into the parameters).

const nonNegativeInt = () =>
  z.number().check(z.refine((v) => Number.isInteger(v) && v >= 0, { error: "must be an integer >= 0" }));

/** The averaging options both optimizers share (the library's names and defaults). */
const averagingShape = {
  warmup_steps: z._default(nonNegativeInt(), 0),
  r: z._default(zNonNegative(), 0),
  weight_lr_power: z._default(zNonNegative(), 2),
};

/** SGDScheduleFree hyper-parameters (momentum is the interpolation β, in (0, 1) as the library checks). */
export const sgdScheduleFreeSchema = z.strictObject({
  lr: z._default(zNonNegative(), 1),
  momentum: z._default(
    z.number().check(z.refine((v) => v > 0 && v < 1, { error: "must be in (0, 1)" })),
    0.9,
  ),
  weight_decay: z._default(zNonNegative(), 0),
  ...averagingShape,
});

/** Resolved schedule-free SGD hyper-parameters. */
export type SgdScheduleFreeHparams = z.infer<typeof sgdScheduleFreeSchema>;

/** AdamWScheduleFree hyper-parameters (betas[0] is the interpolation β). */
export const adamwScheduleFreeSchema = z.strictObject({
  lr: z._default(zNonNegative(), 0.0025),
  betas: zBetas([0.9, 0.999]),
  eps: z._default(zNonNegative(), 1e-8),
  weight_decay: z._default(zNonNegative(), 0),
  ...averagingShape,
  decay_at_z: z._default(z.boolean(), false),
});

/** Resolved schedule-free AdamW hyper-parameters. */
export type AdamwScheduleFreeHparams = z.infer<typeof adamwScheduleFreeSchema>;

type AveragingHparams = {
  readonly lr: number;
  readonly warmup_steps: number;
  readonly r: number;
  readonly weight_lr_power: number;
};

/**
 * The averaging weight both optimizers share: at step k + 1 (k steps taken), with the step's lr
 * (after warmup), lr_max = max(lr_max, lr), weight = (k + 1)^r · lr_max^weight_lr_power,
 * c = weight / Σ weight (0 while the sum is 0). With a constant lr and r = 0, c = 1/(k + 1): x is
 * the plain running mean of the z iterates.
 */
abstract class ScheduleFreeBase<H extends AveragingHparams, B extends string> extends OptimizerBase<H, B> {
  protected weightSum = 0;
  protected lrMax = -1;
  /** c of the step being taken (set by nextAverageWeight). */
  protected ckp1 = 0;

  /** lr · min(1, (k + 1)/warmup_steps) for the step about to be taken (k = steps taken so far). */
  protected warmedLr(lr: number): number {
    const k = this.t;
    const warmup = this.hparams.warmup_steps;
    return k < warmup ? (lr * (k + 1)) / warmup : lr;
  }

  /** Updates lr_max and the weight sum for a step with learning rate `lr` and sets ckp1. */
  protected nextAverageWeight(lr: number): void {
    this.lrMax = Math.max(lr, this.lrMax);
    const weight = (this.t + 1) ** this.hparams.r * this.lrMax ** this.hparams.weight_lr_power;
    this.weightSum += weight;
    this.ckp1 = this.weightSum === 0 ? 0 : weight / this.weightSum;
  }

  /** Counts the step being taken; z and x start at the first step's parameters (y). */
  protected countStep(params: Float64Array, z: Float64Array, x: Float64Array): void {
    if (this.t === 0) {
      z.set(params);
      x.set(params);
    }
    this.t += 1;
  }

  protected override scalarState(): Readonly<Record<string, number>> {
    return { weight_sum: this.weightSum, lr_max: this.lrMax };
  }
}

/**
 * Schedule-free SGD (SGDScheduleFreeReference): with y the parameters and g = ∇f(y) + λy,
 * z ← z − γg, x ← (1 − c)x + cz, y ← βx + (1 − β)z; z and x start at the first y.
 */
export class SgdScheduleFree extends ScheduleFreeBase<SgdScheduleFreeHparams, "z" | "x"> {
  readonly name = "sgd_schedulefree" as const;

  constructor(dim: number, hparams: SgdScheduleFreeHparams) {
    super(dim, hparams, { z: dim, x: dim });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = this.warmedLr(resolveLr(this.hparams.lr, lrOverride));
    this.nextAverageWeight(lr);
    const c = this.ckp1;
    const beta = this.hparams.momentum;
    const wd = this.hparams.weight_decay;
    const zs = this.buffers.z;
    const xs = this.buffers.x;
    const n = this.dim;
    this.countStep(params, zs, xs);
    for (let i = 0; i < n; i++) {
      const y = params[i] as number;
      const g = wd !== 0 ? (grad[i] as number) + wd * y : (grad[i] as number);
      const zi = (zs[i] as number) - lr * g;
      const xi = (xs[i] as number) * (1 - c) + c * zi;
      zs[i] = zi;
      xs[i] = xi;
      params[i] = xi * beta + (1 - beta) * zi;
    }
  }
}

/**
 * Schedule-free AdamW (AdamWScheduleFreeReference): γ_k = lr·warmup·√(1 − β2^(k+1)) (the bias
 * correction of v moved into the step, which also sets the averaging weight); z ← z − γλ·y (or ·z
 * with decay_at_z); v ← β2 v + (1 − β2)g²; z ← z − γ g/(√v + eps); x and y as schedule-free SGD
 * with β = betas[0].
 */
export class AdamwScheduleFree extends ScheduleFreeBase<AdamwScheduleFreeHparams, "z" | "x" | "exp_avg_sq"> {
  readonly name = "adamw_schedulefree" as const;

  constructor(dim: number, hparams: AdamwScheduleFreeHparams) {
    super(dim, hparams, { z: dim, x: dim, exp_avg_sq: dim });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const beta1 = this.hparams.betas[0];
    const beta2 = this.hparams.betas[1];
    const bc2 = 1 - beta2 ** (this.t + 1);
    const lr = this.warmedLr(resolveLr(this.hparams.lr, lrOverride)) * Math.sqrt(bc2);
    this.nextAverageWeight(lr);
    const c = this.ckp1;
    const eps = this.hparams.eps;
    const decay = lr * this.hparams.weight_decay;
    const atZ = this.hparams.decay_at_z;
    const zs = this.buffers.z;
    const xs = this.buffers.x;
    const v = this.buffers.exp_avg_sq;
    const n = this.dim;
    this.countStep(params, zs, xs);
    for (let i = 0; i < n; i++) {
      const g = grad[i] as number;
      let zi = zs[i] as number;
      if (decay !== 0) zi = zi - decay * (atZ ? zi : (params[i] as number));
      const vi = (v[i] as number) * beta2 + (1 - beta2) * g * g;
      v[i] = vi;
      zi = zi - lr * (g / (Math.sqrt(vi) + eps));
      const xi = (xs[i] as number) * (1 - c) + c * zi;
      zs[i] = zi;
      xs[i] = xi;
      params[i] = xi * beta1 + (1 - beta1) * zi;
    }
  }
}
