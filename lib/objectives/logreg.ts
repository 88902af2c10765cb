import * as z from "zod/mini";
import { assertObjectiveArgs, type Objective } from "./types";

/** Logistic-regression arguments: l2 is the weight of 1/2 l2 ||x||^2. */
export const logregArgsSchema = z.strictObject({
  l2: z._default(z.number().check(z.refine((v) => v >= 0, { error: "must be >= 0" })), 0),
});

/** Logistic-regression data: rows of X (last column all ones by convention), 0/1 labels, optional batches. */
export const logregDataSchema = z
  .strictObject({
    X: z.array(z.array(z.number())).check(z.minLength(1)),
    y: z.array(z.number().check(z.refine((v) => v === 0 || v === 1, { error: "must be 0 or 1" }))),
    batches: z.optional(
      z.array(z.array(z.int().check(z.nonnegative())).check(z.minLength(1))).check(z.minLength(1)),
    ),
  })
  .check(
    z.superRefine((d, ctx) => {
      const cols = d.X[0]?.length ?? 0;
      if (cols === 0) ctx.addIssue({ code: "custom", path: ["X", 0], message: "rows must not be empty" });
      d.X.forEach((row, i) => {
        if (row.length !== cols)
          ctx.addIssue({ code: "custom", path: ["X", i], message: `must have ${cols} columns` });
      });
      if (d.y.length !== d.X.length) {
        ctx.addIssue({ code: "custom", path: ["y"], message: `must have ${d.X.length} labels, one per row` });
      }
      d.batches?.forEach((batch, b) => {
        batch.forEach((row, j) => {
          if (row >= d.X.length) {
            ctx.addIssue({
              code: "custom",
              path: ["batches", b, j],
              message: `row index out of range (${d.X.length} rows)`,
            });
          }
        });
      });
    }),
  );

/** Logistic-regression data as accepted by createObjective. */
export type LogregData = z.input<typeof logregDataSchema>;

/** log(1 + e^z) in the stable form max(z, 0) + log1p(e^-|z|). */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * d softplus / dz as PyTorch autograd computes it through max(z, 0) + log1p(e^-|z|): sigmoid(z),
 * except exactly 1 at z = 0 (clamp passes the gradient at its boundary, |z| has gradient 0 there).
 * The golden files depend on this: logreg cases start at x = 0, where every z is 0.
 */
function getSoftplusSlope(z: number): number {
  if (z > 0) {
    const e = Math.exp(-z);
    return 1 - e / (1 + e);
  }
  if (z < 0) {
    const e = Math.exp(z);
    return e / (1 + e);
  }
  return 1;
}

/**
 * Creates mean_b [log(1 + e^z) - y z] + 1/2 l2 ||x||^2 with z = X_b x. Step k (1-based) uses
 * batches[(k - 1) mod len]; without a step, or without batches, every row.
 */
export function createLogreg(
  args: z.infer<typeof logregArgsSchema>,
  data: z.output<typeof logregDataSchema>,
): Objective {
  const { l2 } = args;
  const rows = data.X.length;
  const cols = data.X[0]?.length ?? 0;
  const X = Float64Array.from(data.X.flat());
  const y = Float64Array.from(data.y);
  const all = Uint32Array.from({ length: rows }, (_, i) => i);
  const batches = (data.batches ?? []).map((b) => Uint32Array.from(b));
  const selectRows = (step: number | undefined): Uint32Array => {
    if (step === undefined || batches.length === 0) return all;
    if (!Number.isInteger(step) || step < 1)
      throw new RangeError(`logreg: step must be an integer >= 1, got ${step}`);
    return batches[(step - 1) % batches.length] as Uint32Array;
  };
  const dot = (x: Float64Array, r: number): number => {
    let z = 0;
    const base = r * cols;
    for (let j = 0; j < cols; j++) z += (X[base + j] as number) * (x[j] as number);
    return z;
  };
  const halfL2Norm = (x: Float64Array): number => {
    let s = 0;
    for (let j = 0; j < cols; j++) s += (x[j] as number) ** 2;
    return 0.5 * l2 * s;
  };
  return {
    name: "logreg",
    label: "Logistic regression",
    dim: cols,
    value(x, step) {
      assertObjectiveArgs("logreg", cols, x);
      const idx = selectRows(step);
      let s = 0;
      for (let k = 0; k < idx.length; k++) {
        const r = idx[k] as number;
        const z = dot(x, r);
        s += softplus(z) - (y[r] as number) * z;
      }
      return s / idx.length + halfL2Norm(x);
    },
    gradient(x, out, step) {
      assertObjectiveArgs("logreg", cols, x, out);
      const idx = selectRows(step);
      out.fill(0);
      for (let k = 0; k < idx.length; k++) {
        const r = idx[k] as number;
        const residual = getSoftplusSlope(dot(x, r)) - (y[r] as number);
        const base = r * cols;
        for (let j = 0; j < cols; j++) out[j] = (out[j] as number) + residual * (X[base + j] as number);
      }
      const m = idx.length;
      for (let j = 0; j < cols; j++) out[j] = (out[j] as number) / m + l2 * (x[j] as number);
    },
  };
}
