import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zNonNegative, zUnitClosed } from "./hparams";

/** RMSprop hyper-parameters (torch.optim.RMSprop, 1.13). */
export const rmspropSchema = z.strictObject({
  lr: z._default(zNonNegative(), 0.01),
  alpha: z._default(zUnitClosed(), 0.99),
  eps: z._default(zNonNegative(), 1e-8),
  weight_decay: z._default(zNonNegative(), 0),
  momentum: z._default(zNonNegative(), 0),
  centered: z._default(z.boolean(), false),
  maximize: z._default(z.boolean(), false),
});

/** Resolved RMSprop hyper-parameters. */
export type RmspropHparams = z.infer<typeof rmspropSchema>;

/** RMSprop; eps is added outside the square root, as in PyTorch. */
export class Rmsprop extends OptimizerBase<RmspropHparams, "square_avg" | "momentum_buffer" | "grad_avg"> {
  readonly name = "rmsprop" as const;

  constructor(dim: number, hparams: RmspropHparams) {
    super(dim, hparams, {
      square_avg: dim,
      momentum_buffer: hparams.momentum > 0 ? dim : 0,
      grad_avg: hparams.centered ? dim : 0,
    });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const { alpha, eps, weight_decay: wd, momentum, centered } = this.hparams;
    const gSign = this.hparams.maximize ? -1 : 1;
    const oneMinusAlpha = 1 - alpha;
    this.t += 1;
    const n = this.dim;
    const sq = this.buffers.square_avg;
    const ga = this.buffers.grad_avg;
    const buf = this.buffers.momentum_buffer;
    if (wd === 0 && gSign === 1 && !centered && momentum === 0) {
      // Plain RMSprop, branch-free.
      for (let i = 0; i < n; i++) {
        const g = grad[i] as number;
        const s = alpha * (sq[i] as number) + oneMinusAlpha * g * g;
        sq[i] = s;
        params[i] = (params[i] as number) - (lr * g) / (Math.sqrt(s) + eps);
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const p = params[i] as number;
      let g = gSign * (grad[i] as number);
      if (wd !== 0) g = g + wd * p;
      const s = alpha * (sq[i] as number) + oneMinusAlpha * g * g;
      sq[i] = s;
      let avg: number;
      if (centered) {
        const a = alpha * (ga[i] as number) + oneMinusAlpha * g;
        ga[i] = a;
        avg = Math.sqrt(s - a * a) + eps;
      } else {
        avg = Math.sqrt(s) + eps;
      }
      if (momentum > 0) {
        const b = momentum * (buf[i] as number) + g / avg;
        buf[i] = b;
        params[i] = p - lr * b;
      } else {
        params[i] = p - (lr * g) / avg;
      }
    }
  }
}
