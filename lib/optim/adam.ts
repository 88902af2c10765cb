import * as z from "zod/mini";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";
import type { Optimizer } from "./types";

/** Adam hyper-parameters (torch.optim.Adam, 1.13); weight_decay is an L2 term added to the gradient. */
export const adamSchema = z.strictObject({
  lr: z._default(zNonNegative(), 1e-3),
  betas: zBetas([0.9, 0.999]),
  eps: z._default(zNonNegative(), 1e-8),
  weight_decay: z._default(zNonNegative(), 0),
  amsgrad: z._default(z.boolean(), false),
  maximize: z._default(z.boolean(), false),
});

/** Resolved Adam (and AdamW) hyper-parameters. */
export type AdamHparams = z.infer<typeof adamSchema>;

/**
 * Adam, and AdamW when `variant` is "adamw" (decoupled decay: p *= 1 - lr * weight_decay first).
 * Order of operations follows PyTorch 1.13: denom = sqrt(v) / sqrt(1 - beta2^t) + eps, step = lr / (1 - beta1^t).
 */
export class Adam implements Optimizer {
  readonly name: "adam" | "adamw";
  readonly hparams: Readonly<AdamHparams>;
  t = 0;
  private readonly dim: number;
  private readonly expAvg: Float64Array;
  private readonly expAvgSq: Float64Array;
  private readonly maxExpAvgSq: Float64Array;

  constructor(dim: number, hparams: AdamHparams, variant: "adam" | "adamw" = "adam") {
    this.name = variant;
    this.dim = dim;
    this.hparams = Object.freeze({
      ...hparams,
      betas: Object.freeze([...hparams.betas]) as [number, number],
    });
    this.expAvg = new Float64Array(dim);
    this.expAvgSq = new Float64Array(dim);
    this.maxExpAvgSq = new Float64Array(hparams.amsgrad ? dim : 0);
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const beta1 = this.hparams.betas[0];
    const beta2 = this.hparams.betas[1];
    const eps = this.hparams.eps;
    const decoupled = this.name === "adamw";
    const l2 = decoupled ? 0 : this.hparams.weight_decay;
    const decay = decoupled ? 1 - lr * this.hparams.weight_decay : 1;
    const gSign = this.hparams.maximize ? -1 : 1;
    const t = ++this.t;
    const bc1 = 1 - beta1 ** t;
    const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
    const stepSize = lr / bc1;
    const c1 = 1 - beta1;
    const c2 = 1 - beta2;
    const n = this.dim;
    const m = this.expAvg;
    const v = this.expAvgSq;
    // Loops stay inline (a helper taking doubles would box them on every call) and the common
    // configurations get branch-free loops, since V8 does not hoist loop-invariant branches.
    if (!this.hparams.amsgrad && l2 === 0 && gSign === 1) {
      if (decoupled) {
        for (let i = 0; i < n; i++) {
          const g = grad[i] as number;
          const mi = beta1 * (m[i] as number) + c1 * g;
          const vi = beta2 * (v[i] as number) + c2 * g * g;
          m[i] = mi;
          v[i] = vi;
          params[i] = (params[i] as number) * decay - (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
        }
      } else {
        for (let i = 0; i < n; i++) {
          const g = grad[i] as number;
          const mi = beta1 * (m[i] as number) + c1 * g;
          const vi = beta2 * (v[i] as number) + c2 * g * g;
          m[i] = mi;
          v[i] = vi;
          params[i] = (params[i] as number) - (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
        }
      }
      return;
    }
    const amsgrad = this.hparams.amsgrad;
    const vMax = this.maxExpAvgSq;
    for (let i = 0; i < n; i++) {
      const p = (params[i] as number) * decay;
      let g = gSign * (grad[i] as number);
      if (l2 !== 0) g = g + l2 * p;
      const mi = beta1 * (m[i] as number) + c1 * g;
      const vi = beta2 * (v[i] as number) + c2 * g * g;
      m[i] = mi;
      v[i] = vi;
      let vDenom = vi;
      if (amsgrad) {
        vDenom = Math.max(vMax[i] as number, vi);
        vMax[i] = vDenom;
      }
      params[i] = p - (stepSize * mi) / (Math.sqrt(vDenom) / bc2Sqrt + eps);
    }
  }

  state(): Readonly<Record<string, Float64Array | number>> {
    const out: Record<string, Float64Array | number> = {
      step: this.t,
      exp_avg: this.expAvg,
      exp_avg_sq: this.expAvgSq,
    };
    if (this.hparams.amsgrad) out.max_exp_avg_sq = this.maxExpAvgSq;
    return out;
  }
}
