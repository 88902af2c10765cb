// Graders of the item types answered in the page (choice, order, numeric, formula, explain): pure,
// offline, each returning a fraction of the item earned and what was missed (the ids follow-ups
// name). Code and judgment items are graded by lib/grading and lib/judgment (grade-item.server.ts).
import type { InterviewItemOf, Tolerance } from "../content/interview-schema";
import { createRandom } from "../random";
import { computeExpected } from "./compute";
import { type Expr, ExpressionError, evaluate, listVariables, parseExpression } from "./expression";

/** What a grader found: the fraction earned (0 to 1), the ids missed, and a line for the report. */
export type Grading = { fraction: number; missed: string[]; note: string };

// --- choice ---

/**
 * Single answer: 1 or 0. Several ("select all that apply"): (correct picks − wrong picks) / number
 * correct, at least 0, so ticking every box earns nothing. Missed: the correct options not picked
 * and the wrong ones picked.
 */
export function gradeChoice(item: InterviewItemOf<"choice">, picked: readonly string[]): Grading {
  const correct = new Set(item.correct);
  const chosen = new Set(picked);
  const hits = [...chosen].filter((id) => correct.has(id)).length;
  const wrong = [...chosen].filter((id) => !correct.has(id));
  const missed = [...item.correct.filter((id) => !chosen.has(id)), ...wrong];
  const fraction =
    item.correct.length === 1
      ? hits === 1 && wrong.length === 0
        ? 1
        : 0
      : Math.max(0, (hits - wrong.length) / item.correct.length);
  return { fraction, missed, note: `${hits} of ${item.correct.length} correct, ${wrong.length} wrong` };
}

// --- order ---

/**
 * Partial credit by pairs (Kendall's tau as a fraction): the share of the n(n−1)/2 pairs of items
 * the learner put in the right relative order. Right order: 1; reversed: 0; one swap of neighbours
 * among 5 items: 0.9. Missed: items not at their place.
 */
export function gradeOrder(item: InterviewItemOf<"order">, order: readonly string[]): Grading {
  const rank = new Map(item.items.map((entry, index) => [entry.id, index]));
  const positions = order.map((id) => rank.get(id) ?? -1);
  let concordant = 0;
  let pairs = 0;
  for (let i = 0; i < positions.length; i++)
    for (let j = i + 1; j < positions.length; j++) {
      pairs++;
      if ((positions[i] as number) < (positions[j] as number)) concordant++;
    }
  const missed = item.items.filter((entry, index) => order[index] !== entry.id).map((entry) => entry.id);
  return {
    fraction: pairs === 0 ? 0 : concordant / pairs,
    missed,
    note: `${concordant} of ${pairs} pairs in the right order`,
  };
}

/** True when `order` is a permutation of the item's entries (the route refuses anything else). */
export function isPermutation(item: InterviewItemOf<"order">, order: readonly string[]): boolean {
  const ids = new Set(item.items.map((entry) => entry.id));
  return (
    order.length === ids.size && new Set(order).size === order.length && order.every((id) => ids.has(id))
  );
}

// --- numeric ---

/** Whether `value` is within the tolerance of `expected`; the edge itself counts as within. */
export function isWithinTolerance(value: number, expected: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(value)) return false;
  const allowed = "relative" in tolerance ? tolerance.relative * Math.abs(expected) : tolerance.absolute;
  // A few ulps of slack so that an answer typed exactly at the edge is not lost to rounding.
  return Math.abs(value - expected) <= allowed * (1 + 1e-9) + Number.EPSILON * Math.abs(expected);
}

/** Right within the tolerance: 1, else 0. */
export function gradeNumeric(item: InterviewItemOf<"numeric">, value: number): Grading {
  const expected = computeExpected(item.compute);
  const ok = isWithinTolerance(value, expected, item.tolerance);
  return {
    fraction: ok ? 1 : 0,
    missed: ok ? [] : ["value"],
    note: ok ? "within tolerance" : "outside tolerance",
  };
}

// --- formula ---

/** Points at which formulas are compared, and the relative tolerance of the comparison. */
export const FORMULA_POINTS = 50;
const FORMULA_RTOL = 1e-7;
const MIN_DEFINED_POINTS = 20;

/** The verdict of comparing two expressions. */
export type Equivalence =
  | { equivalent: true }
  | { equivalent: false; reason: string; point?: Record<string, number> };

/**
 * Whether `candidate` equals `expected` as a function of the variables: both evaluated at 50 seeded
 * random points of the variables' ranges and compared with a relative tolerance of 1e-7. A point
 * where the expected value is undefined (NaN, ±∞) is skipped; one where only the candidate is
 * undefined is a difference. Fewer than 20 usable points: not judged equivalent.
 */
export function compareExpressions(
  expected: string,
  candidate: string,
  variables: Readonly<Record<string, { min: number; max: number }>>,
  seed = 1,
): Equivalence {
  let want: Expr;
  let got: Expr;
  try {
    want = parseExpression(expected);
  } catch (error) {
    throw new Error(`the expected expression "${expected}" does not parse: ${(error as Error).message}`);
  }
  try {
    got = parseExpression(candidate);
  } catch (error) {
    if (error instanceof ExpressionError) return { equivalent: false, reason: error.message };
    throw error;
  }
  const unknown = [...listVariables(got)].filter(
    (name) => !Object.hasOwn(variables, name) && name !== "pi" && name !== "e",
  );
  if (unknown.length > 0)
    return {
      equivalent: false,
      reason: `Unknown name${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `"${n}"`).join(", ")}; use ${Object.keys(variables).join(", ")}.`,
    };
  const random = createRandom(seed);
  const names = Object.keys(variables);
  let usable = 0;
  for (let i = 0; i < FORMULA_POINTS; i++) {
    const point: Record<string, number> = {};
    for (const name of names) {
      const { min, max } = variables[name] as { min: number; max: number };
      point[name] = min + (max - min) * random();
    }
    const a = evaluate(want, point);
    if (!Number.isFinite(a)) continue;
    const b = evaluate(got, point);
    if (!Number.isFinite(b))
      return { equivalent: false, reason: "undefined where the answer is defined", point };
    if (Math.abs(a - b) > FORMULA_RTOL * Math.max(Math.abs(a), Math.abs(b), 1e-12))
      return { equivalent: false, reason: "differs from the answer", point };
    usable++;
  }
  if (usable < MIN_DEFINED_POINTS)
    return { equivalent: false, reason: "the answer is undefined at too many points to compare" };
  return { equivalent: true };
}

/** Equivalent to the answer (or one of its accepted forms): 1, else 0. */
export function gradeFormula(item: InterviewItemOf<"formula">, text: string): Grading {
  const result = compareExpressions(item.answer, text, item.variables);
  return result.equivalent
    ? { fraction: 1, missed: [], note: "equivalent to the answer" }
    : { fraction: 0, missed: ["formula"], note: result.reason };
}

// --- explain ---

/** A phrase `/…/` is a regular expression (case-insensitive); any other, a lowercase substring. */
function matchesPhrase(text: string, phrase: string): boolean {
  const regex = /^\/(.+)\/$/.exec(phrase);
  if (regex?.[1]) {
    try {
      return new RegExp(regex[1], "iu").test(text);
    } catch {
      return false;
    }
  }
  return text.includes(phrase.toLowerCase());
}

/** The key points whose phrases appear in the learner's text: suggestions the learner may change. */
export function suggestKeyPoints(item: InterviewItemOf<"explain">, text: string): string[] {
  const lower = text.toLowerCase().replace(/\s+/g, " ");
  return item.keyPoints
    .filter((point) => point.phrases.some((phrase) => matchesPhrase(lower, phrase)))
    .map((point) => point.id);
}

/** Scored by the points the learner marks as covered (their marks decide): covered / all. */
export function gradeExplain(item: InterviewItemOf<"explain">, covered: readonly string[]): Grading {
  const marked = new Set(covered);
  const hit = item.keyPoints.filter((point) => marked.has(point.id));
  const missed = item.keyPoints.filter((point) => !marked.has(point.id)).map((point) => point.id);
  return {
    fraction: hit.length / item.keyPoints.length,
    missed,
    note: `${hit.length} of ${item.keyPoints.length} key points covered`,
  };
}
