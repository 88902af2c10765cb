// Type-only imports: client components use this module, and they need no zod for it.
import type { GradeVerdict, Refusal, Verdict } from "@/lib/grader/result";

/**
 * How good a verdict is, higher is better: passed, then wrong numbers, then how far the code got
 * before it stopped (ran and produced NaN, threw, ran too long or too big, loaded without the
 * exports, did not compile).
 */
export const VERDICT_RANK: Record<Verdict, number> = {
  passed: 7,
  failed: 6,
  "non-finite": 5,
  "runtime-error": 4,
  timeout: 3,
  "memory-limit": 2,
  "missing-export": 1,
  "compile-error": 0,
};

/** The fields of a submission that decide which one is an exercise's best. */
export type RankedSubmission = { exerciseSlug: string; verdict: Verdict; createdAt: Date };

/** An exercise's best submission and how many submissions it had. */
export type BestSubmission<T extends RankedSubmission> = T & { attempts: number };

/** True when `a` is a better submission than `b`: the higher-ranked verdict, on a tie the later one. */
function isBetterSubmission(a: RankedSubmission, b: RankedSubmission): boolean {
  const byRank = VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
  return byRank !== 0 ? byRank > 0 : a.createdAt.getTime() > b.createdAt.getTime();
}

/** The best submission per exercise slug (see isBetterSubmission), in any input order. */
export function pickBestSubmissions<T extends RankedSubmission>(
  rows: readonly T[],
): Map<string, BestSubmission<T>> {
  const best = new Map<string, BestSubmission<T>>();
  for (const row of rows) {
    const current = best.get(row.exerciseSlug);
    const attempts = (current?.attempts ?? 0) + 1;
    if (!current || isBetterSubmission(row, current)) best.set(row.exerciseSlug, { ...row, attempts });
    else current.attempts = attempts;
  }
  return best;
}

const VERDICT_LABELS: Record<Verdict, string> = {
  passed: "Passed",
  failed: "Failed",
  "compile-error": "Compile error",
  "runtime-error": "Runtime error",
  timeout: "Timed out",
  "memory-limit": "Memory limit",
  "missing-export": "Missing export",
  "non-finite": "Non-finite values",
};

const REFUSAL_LABELS: Record<Refusal, string> = {
  busy: "Grader busy",
  "too-large": "Too large",
  unavailable: "Not available here",
};

const LABELS: Record<GradeVerdict, string> = { ...VERDICT_LABELS, ...REFUSAL_LABELS };

/** A human label for a verdict or a refusal. */
export function formatVerdict(verdict: GradeVerdict): string {
  return LABELS[verdict];
}
