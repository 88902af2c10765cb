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
import { describeTuneRule, getTuneWindow, runTune } from "./tune";
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

function gradeTune(config: TuneConfig, answer: Record<string, number>, started: number): GradedResult {
  let run: ReturnType<typeof runTune>;
  try {
    run = runTune(config, answer);
  } catch (error) {
    if (error instanceof OptimizerConfigError) throw new InvalidAnswerError(error.message);
    throw error;
  }
  const { losses, final, score } = run;
  const { steps, target } = config;
  const window = getTuneWindow(config);
  const rule = describeTuneRule(config);
  const name = `${steps} steps from (${config.x0.join(", ")})`;
  const blewUp = losses.findIndex((loss) => !Number.isFinite(loss));
  if (blewUp >= 0) {
    const message = `The loss overflowed at step ${blewUp}: the steps are far too large. Lower the learning rate.`;
    return finish(
      started,
      false,
      message,
      rule,
      [{ name, status: "fail", message, output: "" }],
      "non-finite",
    );
  }
  const passed = score < target;
  const start = losses[0] as number;
  const mean = `Mean loss over the last ${window} steps ${formatNumber(score)}`;
  let message: string;
  if (passed) {
    message = `${mean}: below the target ${formatNumber(target)} (loss after step ${steps}: ${formatNumber(final)}).`;
  } else {
    const last = losses.slice(-window);
    const lowest = Math.min(...last);
    const peak = Math.max(...losses);
    const half = losses[Math.floor(steps / 2)] as number;
    let why: string;
    if (lowest < target && last.every((loss, i) => i === 0 || loss < (last[i - 1] as number))) {
      why =
        `The loss only crossed the target in the last steps (it ends at ${formatNumber(final)}, still falling): ` +
        "the run is on its way but too slow to have settled below the target.";
    } else if (lowest < target) {
      why =
        `It dips as low as ${formatNumber(lowest)} but swings back above the target: the run oscillates across ` +
        "the valley floor instead of settling. A somewhat smaller learning rate lets it settle.";
    } else if (final > start || peak > 10 * start) {
      why =
        `The loss rose to ${formatNumber(peak)} on the way (it started at ${formatNumber(start)}): the steps overshoot ` +
        "the valley. A smaller learning rate, or less momentum (β1), keeps the run on the valley floor.";
    } else if (half > 0 && final > 0.5 * half) {
      why =
        `The run stalls: the loss was ${formatNumber(half)} halfway and ${formatNumber(final)} at the end. ` +
        "Adam's step per coordinate is at most about the learning rate, so a small learning rate cannot cross " +
        "the distance in time; a second-moment average that forgets faster (a smaller β2) also lets the " +
        "step follow the valley as the gradient changes.";
    } else {
      why = `The loss was still falling at the end (${formatNumber(half)} halfway): the run is on its way but too slow.`;
    }
    message = `${mean}; the target is below ${formatNumber(target)}. ${why}`;
  }
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
