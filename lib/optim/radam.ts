import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";

/** RAdam hyper-parameters (torch.optim.RAdam, 1.13; no `maximize` there). */
export const radamSchema = z.strictObject({
  lr: z._default(zNonNegative(), 1e-3),
  betas: zBetas([0.9, 0.999]),
  eps: z._default(zNonNegative(), 1e-8),
  weight_decay: z._default(zNonNegative(), 0),
});

/** Resolved RAdam hyper-parameters. */
export type RadamHparams = z.infer<typeof radamSchema>;

/**
 * RAdam as in PyTorch 1.13: while rho_t <= 5 the step is plain bias-corrected momentum; after,
 * it is rectified and divided by sqrt(v) + eps (eps outside the bias correction).
 */
export class Radam extends OptimizerBase<RadamHparams, "exp_avg" | "exp_avg_sq"> {
  readonly name = "radam" as const;

  constructor(dim: number, hparams: RadamHparams) {
    super(dim, hparams, { exp_avg: dim, exp_avg_sq: dim });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const beta1 = this.hparams.betas[0];
    const beta2 = this.hparams.betas[1];
    const { eps, weight_decay: wd } = this.hparams;
    const t = ++this.t;
    const bc1 = 1 - beta1 ** t;
    const beta2t = beta2 ** t;
    const bc2 = 1 - beta2t;
    const rhoInf = 2 / (1 - beta2) - 1;
    const rhoT = rhoInf - (2 * t * beta2t) / bc2;
    const rectified = rhoT > 5;
    const rect = rectified
      ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
      : 0;
    const bc2Sqrt = Math.sqrt(bc2);
    const oneMinusBeta1 = 1 - beta1;
    const oneMinusBeta2 = 1 - beta2;
    const n = this.dim;
    const m = this.buffers.exp_avg;
    const v = this.buffers.exp_avg_sq;
    for (let i = 0; i < n; i++) {
      const p = params[i] as number;
      let g = grad[i] as number;
      if (wd !== 0) g = g + wd * p;
      const mi = beta1 * (m[i] as number) + oneMinusBeta1 * g;
      const vi = beta2 * (v[i] as number) + oneMinusBeta2 * g * g;
      m[i] = mi;
      v[i] = vi;
      const mHat = mi / bc1;
      if (rectified) {
        // PyTorch evaluates `float / tensor` as reciprocal(tensor) * float.
        const adaptiveLr = (1 / (Math.sqrt(vi) + eps)) * bc2Sqrt;
        params[i] = p - mHat * lr * adaptiveLr * rect;
      } else {
        params[i] = p - mHat * lr;
      }
    }
  }
}
