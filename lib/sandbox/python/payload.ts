// What the Python harness reads on its stdin: the learner's code and, per test, the RunSpec plus the
// data its objective needs. Everything seeded or computed with a library function (least-squares
// features and labels, each epoch's shuffle, the quadratic's eigenvalues) comes from the TypeScript
// code here, so the Python side never re-implements a generator and cannot drift from it.
import * as z from "zod/mini";
import type { RunSpec } from "../../harness/spec";
import { getEpochOrder, leastSquaresArgsSchema } from "../../objectives/least-squares";
import { getQuadraticEigenvalues } from "../../objectives/quadratic";
import { createRandom } from "../../random";

const OBJECTIVES = [
  "rosenbrock",
  "quadratic",
  "himmelblau",
  "beale",
  "booth",
  "styblinski_tang",
  "rastrigin",
  "least_squares",
] as const;

/** The objectives the Python harness can run (logreg needs a data file no exercise uses). */
export type PythonObjectiveName = (typeof OBJECTIVES)[number];

/** A RunSpec as accepted at the runner's boundary. */
export const runSpecSchema = z
  .object({
    objective: z.enum(OBJECTIVES),
    args: z.record(z.string(), z.unknown()),
    dim: z.int().check(z.positive(), z.lte(1_000_000)),
    x0: z.array(z.number()),
    steps: z.int().check(z.positive(), z.lte(1_000_000)),
    hp: z.record(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/)), z.number()),
    record: z.array(z.int().check(z.positive())),
    layers: z.optional(z.array(z.int().check(z.positive()))),
    minibatch: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((spec, ctx) => {
      const issue = (message: string) => ctx.addIssue({ code: "custom", message });
      if (spec.x0.length !== spec.dim) issue(`x0 has ${spec.x0.length} values, dim is ${spec.dim}`);
      if (spec.record.some((k, i) => k > spec.steps || (i > 0 && k <= (spec.record[i - 1] as number))))
        issue("record must be ascending steps in 1..steps");
      if (spec.layers && spec.layers.reduce((a, b) => a + b, 0) !== spec.dim)
        issue("layers must add up to dim");
      if (spec.minibatch && spec.objective !== "least_squares") issue("mini-batch mode needs least_squares");
    }),
  );

/** At most this many example indices of epoch orders are sent per test. */
const MAX_ORDER_ENTRIES = 2_000_000;

/** Per-test data for the harness's objectives (JSON-safe: finite numbers only). */
export interface RunData {
  eigenvalues?: number[];
  features?: number[];
  labels?: number[];
  orders?: number[][];
}

/** Features (row-major, examples × dim) and labels exactly as lib/objectives/least-squares.ts draws them. */
export function getLeastSquaresData(
  args: Record<string, unknown>,
  dim: number,
): { features: Float64Array; labels: Float64Array } {
  const { examples, seed, noise } = leastSquaresArgsSchema.parse(args);
  const random = createRandom(seed);
  const weights = Float64Array.from({ length: dim }, () => 2 * random() - 1);
  const features = Float64Array.from({ length: examples * dim }, () => 2 * random() - 1);
  const labels = new Float64Array(examples);
  for (let i = 0; i < examples; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += (features[i * dim + j] as number) * (weights[j] as number);
    labels[i] = s + noise * (2 * random() - 1);
  }
  return { features, labels };
}

/**
 * The data one test needs. A mini-batch run gets the shuffle of every epoch it can reach: each step
 * takes at least one example, so `steps` steps never start more than `steps + 1` epochs.
 */
export function getRunData(spec: z.infer<typeof runSpecSchema>): RunData {
  if (spec.objective === "quadratic") {
    const { condition } = z.object({ condition: z.number() }).parse(spec.args);
    return { eigenvalues: Array.from(getQuadraticEigenvalues(condition, spec.dim)) };
  }
  if (spec.objective !== "least_squares") return {};
  const { features, labels } = getLeastSquaresData(spec.args, spec.dim);
  const data: RunData = { features: Array.from(features), labels: Array.from(labels) };
  if (spec.minibatch) {
    const { seed } = leastSquaresArgsSchema.parse(spec.args);
    const epochs = Math.min(spec.steps + 1, Math.max(1, Math.floor(MAX_ORDER_ENTRIES / labels.length)));
    data.orders = Array.from({ length: epochs }, (_, epoch) => getEpochOrder(labels.length, seed, epoch));
  }
  return data;
}

/** The harness's stdin: code and tests, validated. Throws a ZodError naming a bad spec. */
export function writePayload(code: string, specs: readonly RunSpec[]): string {
  const runs = specs.map((spec) => {
    const parsed = runSpecSchema.parse(spec);
    return { spec: parsed, data: getRunData(parsed) };
  });
  return JSON.stringify({ code, runs });
}
