import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zNonNegative } from "./hparams";

/** What PyTorch uses for eps1 = None with float64 parameters: torch.finfo(torch.float64).eps. */
export const FLOAT64_EPS = 2.220446049250313e-16;

const positive = () => z.number().check(z.refine((v) => v > 0, { error: "must be > 0" }));
const positiveInt = () =>
  z.number().check(z.refine((v) => Number.isInteger(v) && v >= 1, { error: "must be an integer >= 1" }));

/**
 * Adafactor hyper-parameters (torch.optim.Adafactor, PyTorch >= 2.5; defaults from its docs, eps1 =
 * None resolved to float64's machine epsilon). `shape` is not a PyTorch argument: the core works on
 * one flat vector, and [rows, cols] says it is a row-major matrix (factored); absent, it is a vector.
 */
export const adafactorSchema = z.strictObject({
  lr: z._default(zNonNegative(), 1e-2),
  beta2_decay: z._default(z.number().check(z.refine((v) => v <= 0, { error: "must be <= 0" })), -0.8),
  eps: z._default(z.tuple([zNonNegative(), zNonNegative()]), [FLOAT64_EPS, 1e-3]),
  d: z._default(positive(), 1),
  weight_decay: z._default(zNonNegative(), 1e-2),
  maximize: z._default(z.boolean(), false),
  shape: z.optional(z.tuple([positiveInt(), positiveInt()])),
});

/** Resolved Adafactor hyper-parameters. */
export type AdafactorHparams = z.infer<typeof adafactorSchema>;

/**
 * Adafactor as torch.optim.Adafactor (2.5) computes it for one tensor: at step t, β̂2 weight
 * w = t^beta2_decay, ρ = min(lr, 1/√t), α = max(eps2, RMS(θ))·ρ; θ ← θ(1 − lr·λ); for a matrix the
 * row and column means of g² are averaged (R ← R + w(mean_j g² − R), C likewise) and
 * V̂_ij = R_i C_j / max(mean(R), eps1), for a vector V ← V + w(g² − V); U = g / √max(V̂, eps1²);
 * θ ← θ − α·U / max(1, RMS(U)/d).
 */
export class Adafactor extends OptimizerBase<AdafactorHparams, "row_var" | "col_var" | "variance"> {
  readonly name = "adafactor" as const;
  private readonly rows: number;
  private readonly cols: number;
  private readonly factored: boolean;
  private readonly update: Float64Array;

  constructor(dim: number, hparams: AdafactorHparams) {
    if (hparams.shape && hparams.shape[0] * hparams.shape[1] !== dim)
      throw new RangeError(`adafactor: shape [${hparams.shape.join(", ")}] does not hold ${dim} parameters`);
    const [rows, cols] = hparams.shape ?? [dim, 1];
    const factored = hparams.shape !== undefined;
    super(dim, hparams, {
      row_var: factored ? rows : 0,
      col_var: factored ? cols : 0,
      variance: factored ? 0 : dim,
    });
    this.factored = factored;
    this.rows = rows;
    this.cols = cols;
    this.update = new Float64Array(dim);
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const eps1 = this.hparams.eps[0];
    const eps2 = this.hparams.eps[1];
    const wd = this.hparams.weight_decay;
    const sign = this.hparams.maximize ? -1 : 1;
    const n = this.dim;
    const t = ++this.t;
    const w = t ** this.hparams.beta2_decay;
    const rho = Math.min(lr, 1 / Math.sqrt(t));
    let paramSq = 0;
    for (let i = 0; i < n; i++) paramSq += (params[i] as number) * (params[i] as number);
    const alpha = Math.max(eps2, Math.sqrt(paramSq) / Math.sqrt(n)) * rho;
    if (wd !== 0) for (let i = 0; i < n; i++) params[i] = (params[i] as number) * (1 - lr * wd);
    const u = this.update;
    const floor = eps1 * eps1;
    if (this.factored) {
      const rows = this.rows;
      const cols = this.cols;
      const r = this.buffers.row_var;
      const c = this.buffers.col_var;
      for (let i = 0; i < rows; i++) {
        let s = 0;
        for (let j = 0; j < cols; j++) s += (grad[i * cols + j] as number) ** 2;
        r[i] = (r[i] as number) + w * (s / cols - (r[i] as number));
      }
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let i = 0; i < rows; i++) s += (grad[i * cols + j] as number) ** 2;
        c[j] = (c[j] as number) + w * (s / rows - (c[j] as number));
      }
      let rowSum = 0;
      for (let i = 0; i < rows; i++) rowSum += r[i] as number;
      const norm = Math.max(rowSum / rows, eps1);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const v = ((r[i] as number) * (c[j] as number)) / norm;
          u[i * cols + j] = (sign * (grad[i * cols + j] as number)) / Math.sqrt(Math.max(v, floor));
        }
    } else {
      const variance = this.buffers.variance;
      for (let i = 0; i < n; i++) {
        const g = grad[i] as number;
        const v = (variance[i] as number) + w * (g * g - (variance[i] as number));
        variance[i] = v;
        u[i] = (sign * g) / Math.sqrt(Math.max(v, floor));
      }
    }
    let updateSq = 0;
    for (let i = 0; i < n; i++) updateSq += (u[i] as number) * (u[i] as number);
    const denom = Math.max(1, Math.sqrt(updateSq) / (Math.sqrt(n) * this.hparams.d));
    const scale = alpha / denom;
    for (let i = 0; i < n; i++) params[i] = (params[i] as number) - scale * (u[i] as number);
  }
}
