// One answer to one item → points (0 to 4) and what the report shows. Offline item types are graded
// here; a code item's and a judgment item's grade report comes in from the grader. Pure.
import type { InterviewItem, InterviewItemOf } from "../content/interview-schema";
import type { GradeResult } from "../grader/result";
import type { AnswerOf } from "./answers";
import { InvalidInterviewAnswerError } from "./answers";
import {
  type Grading,
  gradeChoice,
  gradeExplain,
  gradeFormula,
  gradeNumeric,
  gradeOrder,
  isPermutation,
  suggestKeyPoints,
} from "./graders";
import { ITEM_POINTS } from "./readiness";

/** What is stored with an answer beside its points (InterviewAnswer.detail). */
export type AnswerDetail = {
  note: string;
  missed: string[];
  /** An explain item waiting for the learner's marks: the key points their text suggests. */
  suggested?: string[];
  marking?: boolean;
  /** A code or judgment item's full grade report. */
  result?: GradeResult;
  /** An answer sent after the deadline (scores 0). */
  late?: boolean;
  /** Follow-up items this answer added to the interview. */
  followUps?: string[];
};

/** Points for a fraction of an item, rounded to hundredths. */
export function toPoints(fraction: number): number {
  return Math.round(Math.max(0, Math.min(1, fraction)) * ITEM_POINTS * 100) / 100;
}

/** The fraction a grade report earns: the share of its tests that passed (all: 1). */
export function fractionOfResult(result: GradeResult): number {
  if (result.status === "pass") return 1;
  const tests = result.tests.length;
  return tests === 0 ? 0 : result.tests.filter((test) => test.status === "pass").length / tests;
}

/** Grades an answer to an item of an offline type; throws InvalidInterviewAnswerError when it cannot apply. */
export function gradeOffline(item: InterviewItem, answer: unknown): { points: number; detail: AnswerDetail } {
  let grading: Grading;
  switch (item.type) {
    case "choice": {
      const { picked } = answer as AnswerOf<"choice">;
      const ids = new Set(item.options.map((option) => option.id));
      if (!picked.every((pick) => ids.has(pick)))
        throw new InvalidInterviewAnswerError("picked: unknown option");
      if (item.correct.length === 1 && picked.length > 1)
        throw new InvalidInterviewAnswerError("picked: choose one option");
      grading = gradeChoice(item, picked);
      break;
    }
    case "order": {
      const { order } = answer as AnswerOf<"order">;
      if (!isPermutation(item, order)) throw new InvalidInterviewAnswerError("order: list every entry once");
      grading = gradeOrder(item, order);
      break;
    }
    case "numeric":
      grading = gradeNumeric(item, (answer as AnswerOf<"numeric">).value);
      break;
    case "formula":
      grading = gradeFormula(item, (answer as AnswerOf<"formula">).expression);
      break;
    case "explain":
      return gradeExplainAnswer(item, answer as AnswerOf<"explain">);
    default:
      throw new Error(`a ${item.type} item is graded by the grader`);
  }
  return { points: toPoints(grading.fraction), detail: { note: grading.note, missed: grading.missed } };
}

/**
 * An explain answer comes in two steps: the text (scored for now by the key points it suggests,
 * waiting for marks), then the learner's marks, which decide.
 */
function gradeExplainAnswer(item: InterviewItemOf<"explain">, answer: AnswerOf<"explain">) {
  const suggested = suggestKeyPoints(item, answer.text);
  const ids = new Set(item.keyPoints.map((point) => point.id));
  if (answer.covered && !answer.covered.every((point) => ids.has(point)))
    throw new InvalidInterviewAnswerError("covered: unknown key point");
  const grading = gradeExplain(item, answer.covered ?? suggested);
  return {
    points: toPoints(grading.fraction),
    detail: { note: grading.note, missed: grading.missed, suggested, marking: answer.covered === undefined },
  };
}

/** Points and detail of a code or judgment item from its grade report. */
export function gradeFromResult(result: GradeResult): { points: number; detail: AnswerDetail } {
  const fraction = fractionOfResult(result);
  const passed = result.tests.filter((test) => test.status === "pass").length;
  return {
    points: toPoints(fraction),
    detail: {
      note:
        result.status === "pass"
          ? "all tests pass"
          : `${passed} of ${result.tests.length} tests pass (${result.verdict})`,
      missed: result.diagnosis ? [result.diagnosis.id] : result.status === "pass" ? [] : ["tests"],
      result,
    },
  };
}
