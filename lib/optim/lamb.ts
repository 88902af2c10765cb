import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";

/**
 * LAMB hyper-parameters. PyTorch has no LAMB; the names follow torch.optim.AdamW and the defaults
 * are Adam's except eps = 1e-6 (the paper's and common implementations' value).
 */
export const lambSchema = z.strictObject({
  lr: z._default(zNonNegative(), 1e-3),
  betas: zBetas([0.9, 0.999]),
  eps: z._default(zNonNegative(), 1e-6),
  weight_decay: z._default(zNonNegative(), 0),
});

/** Resolved LAMB hyper-parameters. */
export type LambHparams = z.infer<typeof lambSchema>;

/**
 * LAMB (You et al. 2019, "Large Batch Optimization for Deep Learning", Algorithm 2) with Adam's bias
 * correction, φ(z) = z and no gradient pre-normalization. Per step t, for each parameter tensor
 * (layer) θ of the flat vector:
 *   m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²
 *   r = (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε),  u = r + λθ
 *   θ ← θ − lr · ratio · u,  ratio = ‖θ‖ / ‖u‖, or 1 when ‖θ‖ = 0 or ‖u‖ = 0
 * The trust ratio is computed per layer (the `layers` of createOptimizer), never over the whole model.
 */
export class Lamb extends OptimizerBase<LambHparams, "exp_avg" | "exp_avg_sq"> {
  readonly name = "lamb" as const;
  private readonly layers: readonly number[];
  /** The update u of the current step, before the trust ratio (reused every step). */
  private readonly update: Float64Array;

  constructor(dim: number, hparams: LambHparams, layers: readonly number[] = [dim]) {
    super(dim, hparams, { exp_avg: dim, exp_avg_sq: dim });
    this.layers = layers;
    this.update = new Float64Array(dim);
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const beta1 = this.hparams.betas[0];
    const beta2 = this.hparams.betas[1];
    const eps = this.hparams.eps;
    const wd = this.hparams.weight_decay;
    const t = ++this.t;
    const bc1 = 1 - beta1 ** t;
    const bc2 = 1 - beta2 ** t;
    const m = this.buffers.exp_avg;
    const v = this.buffers.exp_avg_sq;
    const u = this.update;
    const layers = this.layers;
    let start = 0;
    for (let l = 0; l < layers.length; l++) {
      const end = start + (layers[l] as number);
      let paramSq = 0;
      let updateSq = 0;
      for (let i = start; i < end; i++) {
        const p = params[i] as number;
        const g = grad[i] as number;
        const mi = beta1 * (m[i] as number) + (1 - beta1) * g;
        const vi = beta2 * (v[i] as number) + (1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        const ui = mi / bc1 / (Math.sqrt(vi / bc2) + eps) + wd * p;
        u[i] = ui;
        paramSq += p * p;
        updateSq += ui * ui;
      }
      const paramNorm = Math.sqrt(paramSq);
      const updateNorm = Math.sqrt(updateSq);
      const ratio = paramNorm > 0 && updateNorm > 0 ? paramNorm / updateNorm : 1;
      const scale = lr * ratio;
      for (let i = start; i < end; i++) params[i] = (params[i] as number) - scale * (u[i] as number);
      start = end;
    }
  }
}
