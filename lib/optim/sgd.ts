import * as z from "zod/mini";
import { STANDALONE } from "../config-error";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zNonNegative, zUnitClosed } from "./hparams";

/** SGD hyper-parameters (torch.optim.SGD, 1.13); lr is required. */
export const sgdSchema = z
  .strictObject({
    lr: zNonNegative(),
    momentum: z._default(zNonNegative(), 0),
    dampening: z._default(zUnitClosed(), 0),
    weight_decay: z._default(zNonNegative(), 0),
    nesterov: z._default(z.boolean(), false),
    maximize: z._default(z.boolean(), false),
  })
  .check(
    z.refine((h) => !(h.nesterov && (h.momentum <= 0 || h.dampening !== 0)), {
      path: ["nesterov"],
      error: "nesterov requires momentum > 0 and dampening = 0",
      params: STANDALONE,
    }),
  );

/** Resolved SGD hyper-parameters. */
export type SgdHparams = z.infer<typeof sgdSchema>;

/** SGD with momentum, dampening, Nesterov and L2 weight decay; the first momentum step copies the gradient. */
export class Sgd extends OptimizerBase<SgdHparams, "momentum_buffer"> {
  readonly name = "sgd" as const;

  constructor(dim: number, hparams: SgdHparams) {
    super(dim, hparams, { momentum_buffer: hparams.momentum !== 0 ? dim : 0 });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const { momentum, weight_decay: wd, nesterov } = this.hparams;
    const gSign = this.hparams.maximize ? -1 : 1;
    const damp = 1 - this.hparams.dampening;
    const first = this.t === 0;
    this.t += 1;
    const n = this.dim;
    const buf = this.buffers.momentum_buffer;
    const plain = wd === 0 && gSign === 1;
    if (momentum === 0) {
      for (let i = 0; i < n; i++) {
        const p = params[i] as number;
        let d = gSign * (grad[i] as number);
        if (wd !== 0) d = d + wd * p;
        params[i] = p - lr * d;
      }
      return;
    }
    if (plain && !first && !nesterov) {
      // The common heavy-ball step, branch-free.
      for (let i = 0; i < n; i++) {
        const b = momentum * (buf[i] as number) + damp * (grad[i] as number);
        buf[i] = b;
        params[i] = (params[i] as number) - lr * b;
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const p = params[i] as number;
      let d = gSign * (grad[i] as number);
      if (wd !== 0) d = d + wd * p;
      // PyTorch: the first step sets buf = clone(d_p), without dampening.
      const b = first ? d : momentum * (buf[i] as number) + damp * d;
      buf[i] = b;
      const u = nesterov ? d + momentum * b : b;
      params[i] = p - lr * u;
    }
  }
}
