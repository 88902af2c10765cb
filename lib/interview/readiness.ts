// The report's verdict: one rule, written once, shown on the page as it is applied here. Pure.
import { INTERVIEW_DIMENSIONS, type InterviewDimension } from "../content/interview-schema";

/** Points an item is scored on: 0 (missed or unanswered) to 4 (fully right). */
export const ITEM_POINTS = 4;

/** A verdict of the report. */
export type Readiness = "ready" | "almost" | "not-yet";

/** The rule in words, as the report prints it. */
export const READINESS_RULE =
  "Each item scores 0 to 4 (unanswered items score 0). Ready: a mean of at least 3 of 4 and no dimension below 2. " +
  "Almost: a mean of at least 2 of 4. Not yet: anything lower.";

/** Labels of the verdicts. */
export const READINESS_LABELS: Record<Readiness, string> = {
  ready: "Ready",
  almost: "Almost",
  "not-yet": "Not yet",
};

/** One scored item: its dimension and its points (0 to 4). */
export type ScoredItem = { dimension: InterviewDimension; points: number };

/** The score out of 100, the mean and per-dimension means (only dimensions asked), and the verdict. */
export type InterviewResult = {
  score: number;
  mean: number;
  dimensions: Partial<Record<InterviewDimension, { mean: number; count: number }>>;
  readiness: Readiness;
};

/** Applies READINESS_RULE to the items of an interview. */
export function judgeReadiness(items: readonly ScoredItem[]): InterviewResult {
  const mean = (list: readonly ScoredItem[]) =>
    list.length === 0 ? 0 : list.reduce((sum, item) => sum + item.points, 0) / list.length;
  const overall = mean(items);
  const dimensions: InterviewResult["dimensions"] = {};
  for (const dimension of INTERVIEW_DIMENSIONS) {
    const of = items.filter((item) => item.dimension === dimension);
    if (of.length > 0) dimensions[dimension] = { mean: mean(of), count: of.length };
  }
  const lowest = Math.min(...Object.values(dimensions).map((d) => d.mean));
  const readiness: Readiness =
    items.length > 0 && overall >= 3 && lowest >= 2 ? "ready" : overall >= 2 ? "almost" : "not-yet";
  return { score: Math.round((overall / ITEM_POINTS) * 100), mean: overall, dimensions, readiness };
}
