import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zNonNegative } from "./hparams";

/** Adagrad hyper-parameters (torch.optim.Adagrad, 1.13). */
export const adagradSchema = z.strictObject({
  lr: z._default(zNonNegative(), 0.01),
  lr_decay: z._default(zNonNegative(), 0),
  weight_decay: z._default(zNonNegative(), 0),
  initial_accumulator_value: z._default(zNonNegative(), 0),
  eps: z._default(zNonNegative(), 1e-10),
  maximize: z._default(z.boolean(), false),
});

/** Resolved Adagrad hyper-parameters. */
export type AdagradHparams = z.infer<typeof adagradSchema>;

/** Adagrad: clr = lr / (1 + (t - 1) * lr_decay); p -= clr * g / (sqrt(sum) + eps). */
export class Adagrad extends OptimizerBase<AdagradHparams, "sum"> {
  readonly name = "adagrad" as const;

  constructor(dim: number, hparams: AdagradHparams) {
    super(dim, hparams, { sum: dim });
    this.buffers.sum.fill(hparams.initial_accumulator_value);
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const { lr_decay: lrDecay, weight_decay: wd, eps } = this.hparams;
    const gSign = this.hparams.maximize ? -1 : 1;
    const t = ++this.t;
    const clr = lr / (1 + (t - 1) * lrDecay);
    const n = this.dim;
    const sum = this.buffers.sum;
    for (let i = 0; i < n; i++) {
      const p = params[i] as number;
      let g = gSign * (grad[i] as number);
      if (wd !== 0) g = g + wd * p;
      const s = (sum[i] as number) + g * g;
      sum[i] = s;
      params[i] = p - (clr * g) / (Math.sqrt(s) + eps);
    }
  }
}
