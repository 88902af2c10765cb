import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";

/** Lion hyper-parameters (Chen et al. 2023, Algorithm 2); lr is required. */
export const lionSchema = z.strictObject({
  lr: zNonNegative(),
  betas: zBetas([0.9, 0.99]),
  weight_decay: z._default(zNonNegative(), 0),
});

/** Resolved Lion hyper-parameters. */
export type LionHparams = z.infer<typeof lionSchema>;

/** Lion: c = b1 m + (1 - b1) g; p = p (1 - lr wd) - lr sign(c); m = b2 m + (1 - b2) g. */
export class Lion extends OptimizerBase<LionHparams, "exp_avg"> {
  readonly name = "lion" as const;

  constructor(dim: number, hparams: LionHparams) {
    super(dim, hparams, { exp_avg: dim });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const beta1 = this.hparams.betas[0];
    const beta2 = this.hparams.betas[1];
    const decay = 1 - lr * this.hparams.weight_decay;
    const oneMinusBeta1 = 1 - beta1;
    const oneMinusBeta2 = 1 - beta2;
    this.t += 1;
    const n = this.dim;
    const m = this.buffers.exp_avg;
    for (let i = 0; i < n; i++) {
      const g = grad[i] as number;
      const mi = m[i] as number;
      const c = beta1 * mi + oneMinusBeta1 * g;
      // sign(c) without Math.sign (slow in V8) and without unpredictable branches; NaN stays NaN.
      let s = +(c > 0) - +(c < 0);
      if (Number.isNaN(c)) s = c;
      params[i] = (params[i] as number) * decay - lr * s;
      m[i] = beta2 * mi + oneMinusBeta2 * g;
    }
  }
}
