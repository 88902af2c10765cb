import { z } from "zod";
import { createObjective, type LogregData, objectiveRefSchema } from "../objectives/index";
import { formatPath } from "../config-error";
import { createOptimizer, OPTIMIZER_NAMES } from "./registry";
import type { OptimizerName } from "./types";

/** The tolerance of the golden format: |x - x_torch| <= GOLDEN_RTOL * max(1, |x_torch|). */
export const GOLDEN_RTOL = 1e-9;

// Python's json module writes NaN/Infinity as bare tokens; they arrive here as strings.
const goldenNumber = z.union([
  z.number(),
  z.enum(["NaN", "Infinity", "-Infinity"]).transform((s) => Number(s)),
]);

/** One case of an `optim-golden/1` file. */
export const goldenCaseSchema = z
  .object({
    id: z.string().min(1),
    optimizer: z.enum(OPTIMIZER_NAMES as [OptimizerName, ...OptimizerName[]]),
    hparams: z.record(z.string(), z.unknown()).default({}),
    objective: objectiveRefSchema,
    x0: z.array(z.number()).min(1),
    steps: z.number().int().min(1),
    data: z.unknown().optional(),
    checkpoints: z.record(z.string(), z.array(goldenNumber)),
    final_loss: goldenNumber.optional(),
  })
  .superRefine((c, ctx) => {
    for (const [key, point] of Object.entries(c.checkpoints)) {
      if (!/^[1-9][0-9]*$/.test(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["checkpoints", key],
          message: "checkpoint keys must be step numbers >= 1",
        });
      } else if (Number(key) > c.steps) {
        ctx.addIssue({
          code: "custom",
          path: ["checkpoints", key],
          message: `step ${key} is after the last step ${c.steps}`,
        });
      }
      if (point.length !== c.x0.length) {
        ctx.addIssue({
          code: "custom",
          path: ["checkpoints", key],
          message: `has ${point.length} coordinates, x0 has ${c.x0.length}`,
        });
      }
    }
  });

/** A golden case. */
export type GoldenCase = z.infer<typeof goldenCaseSchema>;

/** An `optim-golden/1` file. */
const goldenFileSchema = z
  .object({
    format: z.literal("optim-golden/1"),
    source: z.string().optional(),
    dtype: z.literal("float64").optional(),
    cases: z.array(goldenCaseSchema).min(1),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.cases.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: "custom", path: ["cases", i, "id"], message: `duplicate id "${c.id}"` });
      seen.add(c.id);
    });
  });

/** A golden file. */
export type GoldenFile = z.infer<typeof goldenFileSchema>;

/** Thrown for a file that is not valid JSON or not an `optim-golden/1` file. */
export class GoldenFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoldenFormatError";
  }
}

/** Parses and validates the text of a golden file; throws GoldenFormatError saying where it is malformed. */
export function parseGoldenFile(text: string): GoldenFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    try {
      raw = JSON.parse(text.replace(/(?<=[:[,]\s*)(-?Infinity|NaN)(?=\s*[,\]}])/g, '"$1"'));
    } catch {
      throw new GoldenFormatError(`not valid JSON: ${(error as Error).message}`);
    }
  }
  const result = goldenFileSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 5).map((issue) => {
      const where = formatPath(issue.path) || "(root)";
      return `  at ${where}: ${issue.message}`;
    });
    const more = result.error.issues.length > 5 ? `\n  ... and ${result.error.issues.length - 5} more` : "";
    throw new GoldenFormatError(`not an optim-golden/1 file:\n${lines.join("\n")}${more}`);
  }
  return result.data;
}

/** The worst checkpoint coordinate of a case. */
export interface GoldenWorst {
  /** |x - x_torch| / max(1, |x_torch|); Infinity when x is NaN or infinite and x_torch is not. */
  scaledError: number;
  step: number;
  coord: number;
  expected: number;
  actual: number;
}

/** The outcome of one golden case. */
export interface GoldenCaseResult {
  id: string;
  pass: boolean;
  /** Null when no coordinate could be compared (configuration error). */
  worst: GoldenWorst | null;
  /** Set when the case could not be run (invalid hyper-parameters, objective or data). */
  error?: string;
  /** Full-objective loss at the final parameters. */
  finalLoss?: number;
}

function scaleError(actual: number, expected: number): number {
  if (Number.isNaN(expected)) return Number.isNaN(actual) ? 0 : Number.POSITIVE_INFINITY;
  if (!Number.isFinite(expected)) return actual === expected ? 0 : Number.POSITIVE_INFINITY;
  const err = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
  return Number.isNaN(err) ? Number.POSITIVE_INFINITY : err;
}

/** Runs one case (gradient at the current parameters, then a step) and compares every checkpoint. */
export function runGoldenCase(c: GoldenCase, rtol: number = GOLDEN_RTOL): GoldenCaseResult {
  let objective: ReturnType<typeof createObjective>;
  let optimizer: ReturnType<typeof createOptimizer>;
  try {
    // createObjective validates the data with zod.
    const data = c.data as LogregData | undefined;
    objective = createObjective(c.objective.name, c.objective.args, { dim: c.x0.length, data });
    optimizer = createOptimizer(c.optimizer, c.x0.length, c.hparams);
  } catch (error) {
    return { id: c.id, pass: false, worst: null, error: (error as Error).message };
  }
  const x = Float64Array.from(c.x0);
  const grad = new Float64Array(x.length);
  let worst: GoldenWorst | null = null;
  for (let k = 1; k <= c.steps; k++) {
    objective.gradient(x, grad, k);
    optimizer.step(x, grad);
    const expectedPoint = c.checkpoints[String(k)];
    if (expectedPoint === undefined) continue;
    for (let i = 0; i < x.length; i++) {
      const expected = expectedPoint[i] as number;
      const actual = x[i] as number;
      const scaledError = scaleError(actual, expected);
      if (worst === null || scaledError > worst.scaledError)
        worst = { scaledError, step: k, coord: i, expected, actual };
    }
  }
  const pass = worst === null || worst.scaledError <= rtol;
  return { id: c.id, pass, worst, finalLoss: objective.value(x) };
}

/** Runs every case of a parsed golden file. */
export function runGoldenFile(file: GoldenFile, rtol: number = GOLDEN_RTOL): GoldenCaseResult[] {
  return file.cases.map((c) => runGoldenCase(c, rtol));
}

/** One report line: id, PASS/FAIL, worst scaled error and where. */
export function formatGoldenResult(r: GoldenCaseResult): string {
  const verdict = r.pass ? "PASS" : "FAIL";
  if (r.error !== undefined) return `${r.id}  ${verdict}  error: ${r.error}`;
  if (r.worst === null) return `${r.id}  ${verdict}  no checkpoints`;
  const w = r.worst;
  return `${r.id}  ${verdict}  worst ${w.scaledError.toExponential(2)} at step ${w.step}, x[${w.coord}] (got ${w.actual}, expected ${w.expected})`;
}

/** The summary line: `N passed, M failed`. */
export function formatGoldenSummary(results: readonly GoldenCaseResult[]): string {
  const passed = results.filter((r) => r.pass).length;
  return `${passed} passed, ${results.length - passed} failed`;
}
