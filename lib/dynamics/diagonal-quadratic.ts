import type { Objective, PlotBox } from "../objectives/types";
import { assertObjectiveArgs } from "../objectives/types";

/**
 * ½ Σ λ_i x_i² with the given Hessian eigenvalues: the model problem of the momentum figure, where
 * L = 1 and ℓ = 1/κ keep the learning-rate axis the same for every condition number.
 */
export function createDiagonalQuadratic(
  eigenvalues: readonly number[],
  opts: { label?: string; box?: PlotBox } = {},
): Objective {
  const lambdas = Float64Array.from(eigenvalues);
  const dim = lambdas.length;
  return {
    name: "quadratic",
    label: opts.label ?? "quadratic",
    dim,
    value(x) {
      assertObjectiveArgs("quadratic", dim, x);
      let s = 0;
      for (let i = 0; i < dim; i++) s += (lambdas[i] as number) * (x[i] as number) ** 2;
      return 0.5 * s;
    },
    gradient(x, out) {
      assertObjectiveArgs("quadratic", dim, x, out);
      for (let i = 0; i < dim; i++) out[i] = (lambdas[i] as number) * (x[i] as number);
    },
    minima: [new Array<number>(dim).fill(0)],
    box: opts.box ?? { x: [-2, 2], y: [-2, 2] },
  };
}
