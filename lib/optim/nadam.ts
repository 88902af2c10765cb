import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";

/** NAdam hyper-parameters (torch.optim.NAdam, 1.13; no `maximize` there). */
export const nadamSchema = z.strictObject({
  lr: z._default(zNonNegative(), 2e-3),
  betas: zBetas([0.9, 0.999]),
  eps: z._default(zNonNegative(), 1e-8),
  weight_decay: z._default(zNonNegative(), 0),
  momentum_decay: z._default(zNonNegative(), 4e-3),
});

/** Resolved NAdam hyper-parameters. */
export type NadamHparams = z.infer<typeof nadamSchema>;

/**
 * NAdam with PyTorch 1.13's momentum schedule: mu_t = beta1 (1 - 0.5 * 0.96^(t psi)), a running
 * mu_product, denom = sqrt(v / (1 - beta2^t)) + eps, and 1.13's mu_product_next = mu_product * mu_t * mu_{t+1}.
 */
export class Nadam extends OptimizerBase<NadamHparams, "exp_avg" | "exp_avg_sq"> {
  readonly name = "nadam" as const;
  private muProduct = 1;

  constructor(dim: number, hparams: NadamHparams) {
    super(dim, hparams, { exp_avg: dim, exp_avg_sq: dim });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const beta1 = this.hparams.betas[0];
    const beta2 = this.hparams.betas[1];
    const { eps, weight_decay: wd, momentum_decay: psi } = this.hparams;
    const t = ++this.t;
    const bc2 = 1 - beta2 ** t;
    const mu = beta1 * (1 - 0.5 * 0.96 ** (t * psi));
    const muNext = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi));
    const muProduct = this.muProduct * mu;
    this.muProduct = muProduct;
    // PyTorch 1.13 computes mu_product_next = mu_product * mu * mu_next (mu counted twice; fixed in 2.0).
    const muProductNext = muProduct * mu * muNext;
    const gradCoef = (-lr * (1 - mu)) / (1 - muProduct);
    const avgCoef = (-lr * muNext) / (1 - muProductNext);
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
      const denom = Math.sqrt(vi / bc2) + eps;
      // Two separate addcdiv_ calls in PyTorch: keep the two roundings.
      const p1 = p + (gradCoef * g) / denom;
      params[i] = p1 + (avgCoef * mi) / denom;
    }
  }

  protected override scalarState(): Readonly<Record<string, number>> {
    return { mu_product: this.muProduct };
  }
}
