import * as z from "zod/mini";
import { assertObjectiveArgs, type Objective } from "./types";

/** Rosenbrock arguments. */
export const rosenbrockArgsSchema = z.strictObject({
  a: z._default(z.number(), 1),
  b: z._default(z.number(), 100),
});

/** Creates sum_{i<n-1} (a - x_i)^2 + b (x_{i+1} - x_i^2)^2 for n >= 2. */
export function createRosenbrock(args: z.infer<typeof rosenbrockArgsSchema>, dim: number | null): Objective {
  const { a, b } = args;
  const check = (x: Float64Array, out?: Float64Array) => {
    assertObjectiveArgs("rosenbrock", dim, x, out);
    if (x.length < 2) throw new RangeError(`rosenbrock: needs n >= 2, got ${x.length}`);
  };
  return {
    name: "rosenbrock",
    label: "Rosenbrock",
    dim,
    value(x) {
      check(x);
      let f = 0;
      for (let i = 0; i + 1 < x.length; i++) {
        const xi = x[i] as number;
        const u = (x[i + 1] as number) - xi * xi;
        f += (a - xi) ** 2 + b * u * u;
      }
      return f;
    },
    gradient(x, out) {
      check(x, out);
      out.fill(0);
      for (let i = 0; i + 1 < x.length; i++) {
        const xi = x[i] as number;
        const u = (x[i + 1] as number) - xi * xi;
        out[i] = (out[i] as number) - 2 * (a - xi) - 4 * b * xi * u;
        out[i + 1] = (out[i + 1] as number) + 2 * b * u;
      }
    },
    // (a, a^2) is the minimum in 2-D; all-ones (a = 1) or all-zeros (a = 0) in any dimension.
    ...(dim === 2
      ? { minima: [[a, a * a]] }
      : dim !== null && (a === 1 || a === 0)
        ? { minima: [new Array<number>(dim).fill(a)] }
        : {}),
    box: { x: [-2, 2], y: [-1, 3] },
  };
}
