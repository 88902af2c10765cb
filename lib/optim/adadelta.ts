import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zNonNegative, zUnitClosed } from "./hparams";

/** Adadelta hyper-parameters (torch.optim.Adadelta, 1.13). */
export const adadeltaSchema = z.strictObject({
  lr: z._default(zNonNegative(), 1.0),
  rho: z._default(zUnitClosed(), 0.9),
  eps: z._default(zNonNegative(), 1e-6),
  weight_decay: z._default(zNonNegative(), 0),
  maximize: z._default(z.boolean(), false),
});

/** Resolved Adadelta hyper-parameters. */
export type AdadeltaHparams = z.infer<typeof adadeltaSchema>;

/** Adadelta: delta = sqrt(acc + eps) / sqrt(sq + eps) * g; p -= lr * delta. */
export class Adadelta extends OptimizerBase<AdadeltaHparams, "square_avg" | "acc_delta"> {
  readonly name = "adadelta" as const;

  constructor(dim: number, hparams: AdadeltaHparams) {
    super(dim, hparams, { square_avg: dim, acc_delta: dim });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const { rho, eps, weight_decay: wd } = this.hparams;
    const gSign = this.hparams.maximize ? -1 : 1;
    const oneMinusRho = 1 - rho;
    this.t += 1;
    const n = this.dim;
    const sq = this.buffers.square_avg;
    const acc = this.buffers.acc_delta;
    for (let i = 0; i < n; i++) {
      const p = params[i] as number;
      let g = gSign * (grad[i] as number);
      if (wd !== 0) g = g + wd * p;
      const s = rho * (sq[i] as number) + oneMinusRho * g * g;
      sq[i] = s;
      const a = acc[i] as number;
      const delta = (Math.sqrt(a + eps) / Math.sqrt(s + eps)) * g;
      acc[i] = rho * a + oneMinusRho * delta * delta;
      params[i] = p - lr * delta;
    }
  }
}
