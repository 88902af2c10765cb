// Entry bundled (esbuild, zod stubbed) into the script that runs inside every isolate: the learner's
// step loop needs gradients at the learner's own iterates, so the objectives run next to it.
// Arguments arrive already validated and defaulted by the host.
import { createLeastSquares } from "../objectives/least-squares";
import { createQuadratic } from "../objectives/quadratic";
import { createRosenbrock } from "../objectives/rosenbrock";
import { createRastrigin, createStyblinskiTang } from "../objectives/separable";
import { createBeale, createBooth, createHimmelblau } from "../objectives/two-dimensional";
import type { Objective } from "../objectives/types";

/** Creates an objective from host-resolved arguments. */
export function makeObjective(name: string, args: never, dim: number): Objective {
  switch (name) {
    case "rosenbrock":
      return createRosenbrock(args, dim);
    case "quadratic":
      return createQuadratic(args, dim);
    case "rastrigin":
      return createRastrigin(args, dim);
    case "styblinski_tang":
      return createStyblinskiTang(dim);
    case "himmelblau":
      return createHimmelblau();
    case "beale":
      return createBeale();
    case "booth":
      return createBooth();
    case "least_squares":
      return createLeastSquares(args, dim);
    default:
      throw new Error(`Unknown objective ${name}`);
  }
}
