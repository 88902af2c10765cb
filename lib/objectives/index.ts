import * as z from "zod/mini";
import { OptimizerConfigError, parseConfig } from "../config-error";
import { createLeastSquares, leastSquaresArgsSchema } from "./least-squares";
import { createLogreg, type LogregData, logregArgsSchema, logregDataSchema } from "./logreg";
import { createQuadratic, quadraticArgsSchema } from "./quadratic";
import { createRosenbrock, rosenbrockArgsSchema } from "./rosenbrock";
import { createRastrigin, createStyblinskiTang, rastriginArgsSchema } from "./separable";
import { createBeale, createBooth, createHimmelblau, noArgsSchema } from "./two-dimensional";
import type { Objective, ObjectiveName } from "./types";

export type { LogregData } from "./logreg";
export type { Objective, ObjectiveName, PlotBox } from "./types";

/** Every objective of the golden format. */
export const OBJECTIVE_NAMES: readonly ObjectiveName[] = Object.freeze([
  "rosenbrock",
  "quadratic",
  "himmelblau",
  "beale",
  "booth",
  "styblinski_tang",
  "rastrigin",
  "logreg",
  "least_squares",
]);

/** Options of createObjective: a fixed dimension for n-dimensional objectives, data for logreg. */
export interface CreateObjectiveOptions {
  dim?: number;
  data?: LogregData;
}

const FIXED_DIM: Partial<Record<ObjectiveName, number>> = { himmelblau: 2, beale: 2, booth: 2 };

/** True when `name` is one of OBJECTIVE_NAMES. */
export function isObjectiveName(name: unknown): name is ObjectiveName {
  return typeof name === "string" && (OBJECTIVE_NAMES as readonly string[]).includes(name);
}

function resolveDim(name: ObjectiveName, dim: number | undefined): number | null {
  const fixed = FIXED_DIM[name];
  if (dim === undefined) return fixed ?? null;
  const min = name === "rosenbrock" ? 2 : 1;
  if (!Number.isInteger(dim) || dim < min || (fixed !== undefined && dim !== fixed)) {
    const need = fixed !== undefined ? `must be ${fixed}` : `must be an integer >= ${min}`;
    throw new OptimizerConfigError(`Invalid dim: ${dim} for ${name} (${need})`, "dim");
  }
  return dim;
}

/** Creates a validated objective; throws OptimizerConfigError naming the bad argument. */
export function createObjective(
  name: ObjectiveName,
  args?: Record<string, unknown>,
  opts: CreateObjectiveOptions = {},
): Objective {
  if (!isObjectiveName(name)) {
    throw new OptimizerConfigError(
      `Unknown objective ${JSON.stringify(name)} (expected one of ${OBJECTIVE_NAMES.join(", ")})`,
      "objective",
    );
  }
  const input = args ?? {};
  if (name === "logreg") {
    const parsedArgs = parseConfig(logregArgsSchema, input, "logreg");
    if (opts.data === undefined) throw new OptimizerConfigError("Missing data (required for logreg)", "data");
    const data = parseConfig(logregDataSchema, opts.data, "logreg data", "data");
    const objective = createLogreg(parsedArgs, data);
    if (opts.dim !== undefined && opts.dim !== objective.dim) {
      throw new OptimizerConfigError(
        `Invalid dim: ${opts.dim} for logreg (data has ${objective.dim} columns)`,
        "dim",
      );
    }
    return objective;
  }
  const dim = resolveDim(name, opts.dim);
  switch (name) {
    case "rosenbrock":
      return createRosenbrock(parseConfig(rosenbrockArgsSchema, input, name), dim);
    case "quadratic":
      return createQuadratic(parseConfig(quadraticArgsSchema, input, name), dim);
    case "rastrigin":
      return createRastrigin(parseConfig(rastriginArgsSchema, input, name), dim);
    case "least_squares":
      return createLeastSquares(parseConfig(leastSquaresArgsSchema, input, name), dim);
    case "styblinski_tang":
      parseConfig(noArgsSchema, input, name);
      return createStyblinskiTang(dim);
    case "himmelblau":
      parseConfig(noArgsSchema, input, name);
      return createHimmelblau();
    case "beale":
      parseConfig(noArgsSchema, input, name);
      return createBeale();
    case "booth":
      parseConfig(noArgsSchema, input, name);
      return createBooth();
  }
}

/** Schema of an objective reference as in golden files: `{ name, args? }`. */
export const objectiveRefSchema = z.strictObject({
  name: z.enum(OBJECTIVE_NAMES as [ObjectiveName, ...ObjectiveName[]]),
  args: z.optional(z.record(z.string(), z.unknown())),
});
