// The shapes the interview API sends to the browser (types only: the page imports them freely).
import type { InterviewDimension, InterviewItemType } from "../content/interview-schema";
import type { GradeResult } from "../grader/result";
import type { CurveSeries } from "../judgment/curves";
import type { InterviewFocus, InterviewFormatId, InterviewMode, StoredFormat } from "./formats";
import type { Readiness } from "./readiness";

/** An exercise of judgment as an interview item shows it: no answers. */
export type JudgmentItemView =
  | {
      kind: "diagnose";
      title: string;
      choices: Array<{ id: string; label: string }>;
      curves: Array<{ id: string; title: string; yLog: boolean; series: CurveSeries[]; description: string }>;
    }
  | { kind: "predict"; title: string; questions: Array<{ id: string; prompt: string; tolerance: string }> }
  | {
      kind: "tune";
      title: string;
      params: Array<{ name: string; label: string; min: number; max: number; default: number }>;
      target: number;
      steps: number;
    };

/** What is expected of an item, sent once it may be revealed. */
export type ExpectedView =
  | { type: "choice"; correct: string[] }
  | { type: "order"; order: string[] }
  | { type: "numeric"; value: number; tolerance: string; unit: string | null }
  | { type: "formula"; answer: string }
  | { type: "explain"; modelAnswerHtml: string; keyPoints: Array<{ id: string; text: string }> }
  | { type: "code" | "judgment"; exercise: string };

/** One item as the browser receives it. */
export type ItemView = {
  id: string;
  type: InterviewItemType;
  topic: string;
  lesson: string;
  section: string;
  dimension: InterviewDimension;
  difficulty: number;
  minutes: number;
  promptHtml: string;
  choice?: { multiple: boolean; options: Array<{ id: string; html: string }> };
  /** Shuffled: never the right order. */
  order?: { entries: Array<{ id: string; html: string }> };
  numeric?: { unit: string | null };
  formula?: { variables: string[] };
  /** The exercise's starter in the learner's language (graded in that language). */
  code?: { exercise: string; language: "typescript" | "python"; starter: string };
  judgment?: JudgmentItemView | null;
  answered: null | {
    answer: unknown;
    timeUsedMs: number;
    late: boolean;
    /** An explain item whose text is in, waiting for the learner's marks. */
    marking: boolean;
    suggested?: string[];
    keyPoints?: Array<{ id: string; text: string }>;
  };
  /** Study mode once answered; every mode once the interview ended. */
  feedback: null | {
    points: number;
    note: string;
    missed: string[];
    explanationHtml: string;
    expected: ExpectedView;
    result: GradeResult | null;
  };
};

/** An interview as the browser receives it. */
export type InterviewView = {
  id: string;
  format: StoredFormat;
  mode: InterviewMode;
  focus: InterviewFocus;
  startedAt: string;
  deadline: string;
  finishedAt: string | null;
  /** The server's clock when this was sent: the countdown runs from deadline − serverNow. */
  serverNow: string;
  items: ItemView[];
};

/** A finished interview's report (never of check-yourself questions: they do not finish). */
export type InterviewReport = Omit<InterviewView, "format"> & {
  format: InterviewFormatId;
  score: number;
  readiness: Readiness;
  dimensions: Partial<Record<InterviewDimension, { mean: number; count: number }>>;
  queuedCards: Array<{ id: string; frontHtml: string; lesson: string; section: string }>;
};

/** A line of the learner's history. */
export type InterviewSummary = {
  id: string;
  format: InterviewFormatId;
  mode: InterviewMode;
  startedAt: string;
  finishedAt: string | null;
  score: number | null;
  readiness: Readiness | null;
};

/** A lesson's "Check yourself" questions: the learner's stored ones (interviewId) or fresh ones. */
export type CheckYourselfView = {
  lesson: string;
  /** The stored check-yourself interview answers go to; null until the first answer. */
  interviewId: string | null;
  items: ItemView[];
};
