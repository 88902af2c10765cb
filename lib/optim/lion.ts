import * as z from "zod/mini";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";
import type { Optimizer } from "./types";

/** Lion hyper-parameters (Chen et al. 2023, Algorithm 2); lr is required. */
export const lionSchema = z.strictObject({
  lr: zNonNegative(),
  betas: zBetas([0.9, 0.99]),
  weight_decay: z._default(zNonNegative(), 0),
});

/** Resolved Lion hyper-parameters. */
export type LionHparams = z.infer<typeof lionSchema>;

/** Lion: c = b1 m + (1 - b1) g; p = p (1 - lr wd) - lr sign(c); m = b2 m + (1 - b2) g. */
export class Lion implements Optimizer {
  readonly name = "lion" as const;
  readonly hparams: Readonly<LionHparams>;
  t = 0;
  private readonly dim: number;
  private readonly expAvg: Float64Array;

  constructor(dim: number, hparams: LionHparams) {
    this.dim = dim;
    this.hparams = Object.freeze({
      ...hparams,
      betas: Object.freeze([...hparams.betas]) as [number, number],
    });
    this.expAvg = new Float64Array(dim);
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
    const m = this.expAvg;
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

  state(): Readonly<Record<string, Float64Array | number>> {
    return { step: this.t, exp_avg: this.expAvg };
  }
}
