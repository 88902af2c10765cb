// Grading of the exercises of judgment: the answer is a few numbers or choices, validated with zod
// and compared with what the core computes. No learner code runs, so no sandbox: this runs in the
// web server's process, in well under a second (the largest run is a few thousand steps in 2-D).
import { z } from "zod";
import { unknownKind } from "../content/exercise-schema";
import { DomainError } from "../domain-error";
import type { DiagnoseConfig, JudgmentConfig, PredictConfig, TuneConfig } from "../content/judgment-schema";
import { type GradedResult, type GradeTest, RESULT_VERSION } from "../grader/result";
import { OptimizerConfigError } from "../optim";
import { formatNumber } from "./curves";
import {
  describeTuneRule,
  describeTuneValues,
  explainTuneRun,
  exploreTuneGrid,
  getTuneWindow,
  runTune,
  type TuneGridReport,
} from "./tune";
import { computeExpected, isWithinTolerance } from "./values";

/** An answer the grader refused to grade (wrong shape, out of range), with a message for the learner. */
export class InvalidAnswerError extends DomainError {
  constructor(problems: string) {
    super("invalid", `Invalid answer: ${problems}`);
  }
}

const finite = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .refine(Number.isFinite, `${what} must be a finite number.`);

/** The zod schema of an answer to this exercise: one field per parameter, curve or question. */
export function getAnswerSchema(config: JudgmentConfig): z.ZodType<Record<string, number | string>> {
  switch (config.kind) {
    case "tune":
      return z.strictObject(
        Object.fromEntries(
          config.params.map((p) => [
            p.name,
            finite(p.label)
              .refine((v) => v >= p.min, `${p.label} must be at least ${p.min}.`)
              .refine((v) => v <= p.max, `${p.label} must be at most ${p.max}.`),
          ]),
        ),
      );
    case "diagnose": {
      const ids = config.choices.map((choice) => choice.id) as [string, ...string[]];
      return z.strictObject(
        Object.fromEntries(
          config.curves.map((curve) => [
            curve.id,
            z.enum(ids, { error: `Choose one of the causes for "${curve.title}".` }),
          ]),
        ),
      );
    }
    case "predict":
      return z.strictObject(
        Object.fromEntries(config.questions.map((q) => [q.id, finite(`The answer to "${q.prompt}"`)])),
      );
    default:
      return unknownKind(config);
  }
}

function hasKey(value: unknown, key: PropertyKey | undefined): boolean {
  return value !== null && typeof value === "object" && key !== undefined && Object.hasOwn(value, key);
}

/** Parses an answer; throws InvalidAnswerError naming every bad field. */
export function parseAnswer(config: JudgmentConfig, answer: unknown): Record<string, number | string> {
  const parsed = getAnswerSchema(config).safeParse(answer);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) =>
    issue.code === "unrecognized_keys"
      ? `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} in the answer.`
      : issue.code === "invalid_type" && !hasKey(answer, issue.path[0])
        ? `The answer has no "${issue.path.join(".")}".`
        : issue.message,
  );
  throw new InvalidAnswerError(messages.join(" "));
}

function finish(
  started: number,
  passed: boolean,
  message: string,
  tolerance: string,
  tests: GradeTest[],
  verdict?: GradedResult["verdict"],
): GradedResult {
  return {
    version: RESULT_VERSION,
    status: passed ? "pass" : "fail",
    verdict: verdict ?? (passed ? "passed" : "failed"),
    message,
    tolerance,
    diagnosis: null,
    tests,
    durationMs: Math.max(0, performance.now() - started),
  };
}

/** The grid search of each tuning set-up, run once per process (a quarter of a second each). */
const gridReports = new Map<string, TuneGridReport>();
function getGridReport(config: TuneConfig): TuneGridReport {
  const { optimizer, objective, x0, steps, target, params, torchHparams, fixedTorchHparams } = config;
  const key = JSON.stringify([
    optimizer,
    objective,
    x0,
    steps,
    target,
    params,
    torchHparams,
    fixedTorchHparams,
  ]);
  let report = gridReports.get(key);
  if (!report) {
    report = exploreTuneGrid(config);
    gridReports.set(key, report);
  }
  return report;
}

function gradeTune(config: TuneConfig, answer: Record<string, number>, started: number): GradedResult {
  let run: ReturnType<typeof runTune>;
  try {
    run = runTune(config, answer);
  } catch (error) {
    if (error instanceof OptimizerConfigError) throw new InvalidAnswerError(error.message);
    throw error;
  }
  const { final, score } = run;
  const { steps, target } = config;
  const window = getTuneWindow(config);
  const rule = describeTuneRule(config);
  const name = `${steps} steps from (${config.x0.join(", ")})`;
  const { outcome, why } = explainTuneRun(config, run);
  const grid = getGridReport(config);
  const best =
    `Best of a grid of ${grid.runs} settings (${grid.passing} pass): ${describeTuneValues(config, grid.best.values)}, ` +
    `mean loss ${formatNumber(grid.best.score)}.`;
  if (outcome === "overflow")
    return finish(
      started,
      false,
      `${why} ${best}`,
      rule,
      [{ name, status: "fail", message: why, output: "" }],
      "non-finite",
    );
  const passed = outcome === "passed";
  const mean = `Mean loss over the last ${window} steps ${formatNumber(score)}`;
  const message = passed
    ? `${mean}: below the target ${formatNumber(target)} (loss after step ${steps}: ${formatNumber(final)}). ${best}`
    : `${mean}; the target is below ${formatNumber(target)}. ${why} ${best}`;
  return finish(started, passed, message, rule, [
    {
      name,
      status: passed ? "pass" : "fail",
      message: `${mean}; loss after step ${steps}: ${formatNumber(final)}.`,
      output: "",
    },
  ]);
}

function gradeDiagnose(
  config: DiagnoseConfig,
  answer: Record<string, string>,
  started: number,
): GradedResult {
  const label = (id: string) => config.choices.find((c) => c.id === id)?.label ?? id;
  const tests: GradeTest[] = config.curves.map((curve) => {
    const chosen = answer[curve.id] as string;
    if (chosen === curve.answer) {
      return {
        name: curve.title,
        status: "pass",
        message: `${label(chosen)}. ${curve.explanation}`,
        output: "",
      };
    }
    const signature = config.choices.find((c) => c.id === chosen)?.signature;
    return {
      name: curve.title,
      status: "fail",
      message: `Not "${label(chosen)}"${signature ? `: that cause looks like this: ${signature}` : "."} Look at the curve again.`,
      output: "",
    };
  });
  const right = tests.filter((t) => t.status === "pass").length;
  const passed = right === tests.length;
  const message = passed
    ? `All ${tests.length} causes named correctly.`
    : `${right} of ${tests.length} causes named correctly; the others are marked below.`;
  return finish(started, passed, message, "every curve's cause named", tests);
}

function gradePredict(config: PredictConfig, answer: Record<string, number>, started: number): GradedResult {
  const tests: GradeTest[] = config.questions.map((q) => {
    const expected = computeExpected(q.value);
    const given = answer[q.id] as number;
    const shown = formatNumber(expected, q.digits);
    if (isWithinTolerance(given, expected, q.tolerance)) {
      return {
        name: q.prompt,
        status: "pass",
        message: q.explanation.replaceAll("{expected}", shown),
        output: "",
      };
    }
    const direction = given > expected ? "too large" : "too small";
    const sign = Math.sign(given) !== Math.sign(expected) && expected !== 0 ? " (check the sign)" : "";
    return {
      name: q.prompt,
      status: "fail",
      message: `${formatNumber(given, q.digits)} is ${direction}${sign}. ${q.hint}`,
      output: "",
    };
  });
  const right = tests.filter((t) => t.status === "pass").length;
  const passed = right === tests.length;
  return finish(
    started,
    passed,
    passed
      ? `All ${tests.length} numbers match the core.`
      : `${right} of ${tests.length} numbers match the core; the others are marked below.`,
    "each answer compared with the core's value, within the tolerance shown under it",
    tests,
  );
}

/**
 * Grades an answer to an exercise of judgment and returns a stored-submission result (verdict
 * "passed", "failed" or, for a tuning run that overflowed, "non-finite"). Throws
 * InvalidAnswerError for an answer of the wrong shape or out of range.
 */
export function gradeJudgment(config: JudgmentConfig, rawAnswer: unknown): GradedResult {
  const started = performance.now();
  const answer = parseAnswer(config, rawAnswer);
  switch (config.kind) {
    case "tune":
      return gradeTune(config, answer as Record<string, number>, started);
    case "diagnose":
      return gradeDiagnose(config, answer as Record<string, string>, started);
    case "predict":
      return gradePredict(config, answer as Record<string, number>, started);
    default:
      return unknownKind(config);
  }
}
