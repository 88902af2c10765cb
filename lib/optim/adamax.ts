import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zBetas, zNonNegative } from "./hparams";

/** Adamax hyper-parameters (torch.optim.Adamax, 1.13). */
export const adamaxSchema = z.strictObject({
  lr: z._default(zNonNegative(), 2e-3),
  betas: zBetas([0.9, 0.999]),
  eps: z._default(zNonNegative(), 1e-8),
  weight_decay: z._default(zNonNegative(), 0),
  maximize: z._default(z.boolean(), false),
});

/** Resolved Adamax hyper-parameters. */
export type AdamaxHparams = z.infer<typeof adamaxSchema>;

/** Adamax: u = max(beta2 * u, |g| + eps); p -= lr / (1 - beta1^t) * m / u. */
export class Adamax extends OptimizerBase<AdamaxHparams, "exp_avg" | "exp_inf"> {
  readonly name = "adamax" as const;

  constructor(dim: number, hparams: AdamaxHparams) {
    super(dim, hparams, { exp_avg: dim, exp_inf: dim });
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const beta1 = this.hparams.betas[0];
    const beta2 = this.hparams.betas[1];
    const { eps, weight_decay: wd } = this.hparams;
    const gSign = this.hparams.maximize ? -1 : 1;
    const t = ++this.t;
    const clr = lr / (1 - beta1 ** t);
    const oneMinusBeta1 = 1 - beta1;
    const n = this.dim;
    const m = this.buffers.exp_avg;
    const u = this.buffers.exp_inf;
    for (let i = 0; i < n; i++) {
      const p = params[i] as number;
      let g = gSign * (grad[i] as number);
      if (wd !== 0) g = g + wd * p;
      const mi = beta1 * (m[i] as number) + oneMinusBeta1 * g;
      const ui = Math.max(beta2 * (u[i] as number), Math.abs(g) + eps);
      m[i] = mi;
      u[i] = ui;
      params[i] = p - (clr * mi) / ui;
    }
  }
}
