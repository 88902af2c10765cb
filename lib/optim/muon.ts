import * as z from "zod/mini";
import { OptimizerBase } from "./base";
import { assertStepArgs, resolveLr, zNonNegative } from "./hparams";

// The quintic Newton–Schulz coefficients (a, b, c) of Keller Jordan's muon.py (maximal slope at zero),
// module constants so the hot loop reads no array.
const NS_A = 3.4445;
const NS_B = -4.775;
const NS_C = 2.0315;

/** The quintic Newton–Schulz coefficients (a, b, c) of muon.py. */
export const NEWTON_SCHULZ_COEFFICIENTS = Object.freeze([NS_A, NS_B, NS_C] as const);

/** Added to the Frobenius norm before dividing, as muon.py does (keeps a zero update at zero). */
export const NEWTON_SCHULZ_NORM_EPS = 1e-7;

const positiveInt = () =>
  z.number().check(z.refine((v) => Number.isInteger(v) && v >= 1, { error: "must be an integer >= 1" }));

/**
 * Muon hyper-parameters: lr, momentum and weight_decay are the arguments of muon.py's Muon (its
 * defaults); nesterov and ns_steps are those of its muon_update (defaults true and 5). `shape` is not
 * an argument of muon.py: the core works on one flat vector, and [rows, cols] says it is a row-major
 * matrix; absent, the vector is one row (1 × dim).
 */
export const muonSchema = z.strictObject({
  lr: z._default(zNonNegative(), 0.02),
  momentum: z._default(
    z.number().check(z.refine((v) => v >= 0 && v < 1, { error: "must be in [0, 1)" })),
    0.95,
  ),
  weight_decay: z._default(zNonNegative(), 0),
  nesterov: z._default(z.boolean(), true),
  ns_steps: z._default(positiveInt(), 5),
  shape: z.optional(z.tuple([positiveInt(), positiveInt()])),
});

/** Resolved Muon hyper-parameters. */
export type MuonHparams = z.infer<typeof muonSchema>;

/** Work arrays of newtonSchulz5 for a rows × cols matrix (m = min, n = max of the two). */
export interface NewtonSchulzScratch {
  x: Float64Array; // m × n
  y: Float64Array; // m × n
  a: Float64Array; // m × m
  b: Float64Array; // m × m
}

/** Allocates the work arrays of newtonSchulz5 for a rows × cols matrix. */
export function createNewtonSchulzScratch(rows: number, cols: number): NewtonSchulzScratch {
  const m = Math.min(rows, cols);
  const n = Math.max(rows, cols);
  return {
    x: new Float64Array(m * n),
    y: new Float64Array(m * n),
    a: new Float64Array(m * m),
    b: new Float64Array(m * m),
  };
}

/**
 * muon.py's zeropower_via_newtonschulz5 in float64 (muon.py runs it in bfloat16): writes into `out`
 * (rows × cols, row-major) an approximate U Vᵀ of the SVD G = U S Vᵀ. G is transposed when rows > cols
 * (so X Xᵀ is the smaller Gram matrix), divided by ‖G‖_F + 1e-7, then `steps` times
 * A = X Xᵀ, B = bA + cA², X ← aX + BX, which maps every singular value s to as + bs³ + cs⁵.
 * Allocates nothing; `out` may be `g`.
 */
export function newtonSchulz5(
  g: Float64Array,
  rows: number,
  cols: number,
  steps: number,
  out: Float64Array,
  scratch: NewtonSchulzScratch,
): void {
  const transposed = rows > cols;
  const m = transposed ? cols : rows;
  const n = transposed ? rows : cols;
  let x = scratch.x;
  let y = scratch.y;
  const a = scratch.a;
  const b = scratch.b;
  let sq = 0;
  for (let i = 0; i < rows * cols; i++) sq += (g[i] as number) * (g[i] as number);
  const norm = Math.sqrt(sq) + NEWTON_SCHULZ_NORM_EPS;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++)
      x[i * n + j] = (transposed ? (g[j * cols + i] as number) : (g[i * n + j] as number)) / norm;
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < m; i++)
      for (let k = 0; k < m; k++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += (x[i * n + j] as number) * (x[k * n + j] as number);
        a[i * m + k] = sum;
      }
    for (let i = 0; i < m; i++)
      for (let k = 0; k < m; k++) {
        let sum = 0;
        for (let l = 0; l < m; l++) sum += (a[i * m + l] as number) * (a[l * m + k] as number);
        b[i * m + k] = NS_B * (a[i * m + k] as number) + NS_C * sum;
      }
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < m; k++) sum += (b[i * m + k] as number) * (x[k * n + j] as number);
        y[i * n + j] = NS_A * (x[i * n + j] as number) + sum;
      }
    const swap = x;
    x = y;
    y = swap;
  }
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      if (transposed) out[j * cols + i] = x[i * n + j] as number;
      else out[i * n + j] = x[i * n + j] as number;
    }
}

/**
 * Muon (Keller Jordan, github.com/KellerJordan/Muon, muon.py at 00ba60d) on one matrix parameter:
 * buf ← lerp(buf, g, 1 − μ); U = lerp(g, buf, μ) (nesterov) or buf; O = NewtonSchulz5(U), scaled by
 * √max(1, rows/cols); θ ← θ(1 − lr·λ) − lr·O. lerp(a, b, w) = a + w(b − a).
 */
export class Muon extends OptimizerBase<MuonHparams, "momentum_buffer"> {
  readonly name = "muon" as const;
  private readonly rows: number;
  private readonly cols: number;
  private readonly update: Float64Array;
  private readonly scratch: NewtonSchulzScratch;

  constructor(dim: number, hparams: MuonHparams) {
    if (hparams.shape && hparams.shape[0] * hparams.shape[1] !== dim)
      throw new RangeError(`muon: shape [${hparams.shape.join(", ")}] does not hold ${dim} parameters`);
    super(dim, hparams, { momentum_buffer: dim });
    [this.rows, this.cols] = hparams.shape ?? [1, dim];
    this.update = new Float64Array(dim);
    this.scratch = createNewtonSchulzScratch(this.rows, this.cols);
  }

  step(params: Float64Array, grad: Float64Array, lrOverride?: number): void {
    assertStepArgs(this.dim, params, grad);
    const lr = resolveLr(this.hparams.lr, lrOverride);
    const mu = this.hparams.momentum;
    const wd = this.hparams.weight_decay;
    const nesterov = this.hparams.nesterov;
    const n = this.dim;
    this.t += 1;
    const buf = this.buffers.momentum_buffer;
    const u = this.update;
    for (let i = 0; i < n; i++) {
      const g = grad[i] as number;
      const b = (buf[i] as number) + (1 - mu) * (g - (buf[i] as number));
      buf[i] = b;
      u[i] = nesterov ? g + mu * (b - g) : b;
    }
    newtonSchulz5(u, this.rows, this.cols, this.hparams.ns_steps, u, this.scratch);
    const scale = Math.sqrt(Math.max(1, this.rows / this.cols));
    const decay = 1 - lr * wd;
    for (let i = 0; i < n; i++) params[i] = (params[i] as number) * decay - lr * ((u[i] as number) * scale);
  }
}
