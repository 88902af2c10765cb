import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";

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
export class Adam extends OptimizerBase<AdamHparams, "exp_avg" | "exp_avg_sq" | "max_exp_avg_sq"> {
  readonly name: "adam" | "adamw";

  constructor(dim: number, hparams: AdamHparams, variant: "adam" | "adamw" = "adam") {
    super(dim, hparams, { exp_avg: dim, exp_avg_sq: dim, max_exp_avg_sq: hparams.amsgrad ? dim : 0 });
    this.name = variant;
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
    const m = this.buffers.exp_avg;
    const v = this.buffers.exp_avg_sq;
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
    const vMax = this.buffers.max_exp_avg_sq;
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
}
