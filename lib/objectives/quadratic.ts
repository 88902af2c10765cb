import * as z from "zod/mini";
import { assertObjectiveArgs, type Objective } from "./types";

/** Quadratic arguments: the condition number of the diagonal Hessian. */
export const quadraticArgsSchema = z.strictObject({
  condition: z._default(z.number().check(z.refine((v) => v > 0, { error: "must be > 0" })), 100),
});

/** Eigenvalues lambda_i = condition^(i / (n - 1)), lambda = 1 when n = 1. */
export function getQuadraticEigenvalues(condition: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = n === 1 ? 1 : condition ** (i / (n - 1));
  return out;
}

/** Creates the ill-conditioned quadratic 1/2 sum lambda_i x_i^2 (any n >= 1). */
export function createQuadratic(args: z.infer<typeof quadraticArgsSchema>, dim: number | null): Objective {
  const { condition } = args;
  // Eigenvalues are cached per length: recomputed (allocating) only when n changes.
  let lambdas = getQuadraticEigenvalues(condition, dim ?? 0);
  const getLambdas = (n: number): Float64Array => {
    if (lambdas.length !== n) lambdas = getQuadraticEigenvalues(condition, n);
    return lambdas;
  };
  return {
    name: "quadratic",
    label: "Ill-conditioned quadratic",
    dim,
    value(x) {
      assertObjectiveArgs("quadratic", dim, x);
      const lam = getLambdas(x.length);
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const xi = x[i] as number;
        s += (lam[i] as number) * xi * xi;
      }
      return 0.5 * s;
    },
    gradient(x, out) {
      assertObjectiveArgs("quadratic", dim, x, out);
      const lam = getLambdas(x.length);
      for (let i = 0; i < x.length; i++) out[i] = (lam[i] as number) * (x[i] as number);
    },
    ...(dim !== null ? { minima: [new Array<number>(dim).fill(0)] } : {}),
    box: { x: [-2, 2], y: [-2, 2] },
  };
}
