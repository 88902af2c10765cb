import "server-only";
import { renderCardText } from "@/lib/cards/render";
import type { InterviewItem, Tolerance } from "@/lib/content/interview-schema";
import { isExerciseSlug, readExerciseFile } from "@/lib/content/registry";
import type { GradeResult } from "@/lib/grader/result";
import type { Language } from "@/lib/harness/languages";
import { loadJudgmentConfig } from "@/lib/judgment/config";
import { toKindView } from "@/lib/judgment/view.server";
import { createRandom } from "@/lib/random";
import { computeExpected } from "./compute";
import type { AnswerDetail } from "./grade-item";
import type { ExpectedView, ItemView, JudgmentItemView } from "./view";

// What the browser receives of an item. Before it is answered (and in Real mode until the interview
// ends) nothing that gives the answer away: no correct option, no order (the entries are shuffled),
// no expected value or formula, no key point, no model answer, no explanation.

/** Prompt text: `$…$` math and `code` as HTML (the card renderer), **bold** and paragraphs. */
export function renderText(text: string, label: string): string {
  return text
    .split(/\n{2,}/)
    .map(
      (paragraph) =>
        `<p>${renderCardText(paragraph, label).replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")}</p>`,
    )
    .join("");
}

/** The order item's entries shuffled by the interview's seed, never in the right order. */
function shuffleEntries<T>(entries: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const out = [...entries];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  if (out.every((entry, index) => entry === entries[index])) out.push(out.shift() as T);
  return out;
}

const judgmentViews = new Map<string, Promise<JudgmentItemView | null>>();

/** What an exercise of judgment shows in an interview: its curves, questions or parameters, no answers. */
function getJudgmentItemView(slug: string): Promise<JudgmentItemView | null> {
  let pending = judgmentViews.get(slug);
  if (!pending) {
    pending = loadJudgmentConfig(slug).then((config): JudgmentItemView | null => {
      if (!config) return null;
      switch (config.kind) {
        case "diagnose":
        case "predict": {
          // The exercise page's own view of the curves or questions (no answers in it).
          const view = toKindView(config);
          return view.kind === "tune" ? null : { ...view, title: config.title };
        }
        case "tune":
          return {
            kind: "tune",
            title: config.title,
            params: config.params.map((p) => ({
              name: p.name,
              label: p.label,
              min: p.min,
              max: p.max,
              default: p.default,
            })),
            target: config.target,
            steps: config.steps,
          };
        default:
          return null;
      }
    });
    pending.catch(() => judgmentViews.delete(slug));
    judgmentViews.set(slug, pending);
  }
  return pending;
}

/** The exercise's starter in the language (TypeScript's when it has none in Python). */
async function readStarter(exercise: string, language: Language): Promise<string> {
  if (!isExerciseSlug(exercise)) return "";
  if (language === "python") {
    const python = await readExerciseFile(exercise, "starter.py").catch(() => null);
    if (python !== null) return python;
  }
  return readExerciseFile(exercise, "starter.ts").catch(() => "");
}

/** The tolerance in words. */
export function describeItemTolerance(tolerance: Tolerance): string {
  return "relative" in tolerance ? `within ${tolerance.relative * 100}%` : `within ±${tolerance.absolute}`;
}

/** What is expected, for the feedback and the report. */
function expectedOf(item: InterviewItem): ExpectedView {
  switch (item.type) {
    case "choice":
      return { type: "choice", correct: item.correct };
    case "order":
      return { type: "order", order: item.items.map((entry) => entry.id) };
    case "numeric":
      return {
        type: "numeric",
        value: computeExpected(item.compute),
        tolerance: describeItemTolerance(item.tolerance),
        unit: item.unit ?? null,
      };
    case "formula":
      return { type: "formula", answer: item.answer };
    case "explain":
      return {
        type: "explain",
        modelAnswerHtml: renderText(item.modelAnswer, item.id),
        keyPoints: item.keyPoints.map(({ id, text }) => ({ id, text })),
      };
    case "code":
    case "judgment":
      return { type: item.type, exercise: item.exercise };
  }
}

/** A stored answer, as the view needs it. */
export type StoredAnswer = { answer: unknown; points: number; detail: AnswerDetail; timeUsedMs: number };

/**
 * The view of one item. `reveal`: whether the feedback may be sent (Study mode once answered, or
 * any mode once the interview ended).
 */
export async function buildItemView(
  item: InterviewItem,
  seed: number,
  stored: StoredAnswer | null,
  reveal: boolean,
  language: Language = "typescript",
): Promise<ItemView> {
  const base = {
    id: item.id,
    type: item.type,
    topic: item.topic,
    lesson: item.lesson,
    section: item.section,
    dimension: item.dimension,
    difficulty: item.difficulty,
    minutes: item.minutes,
    promptHtml: renderText(item.prompt, item.id),
  };
  let body: Partial<ItemView> = {};
  switch (item.type) {
    case "choice":
      body = {
        choice: {
          multiple: item.correct.length > 1,
          options: item.options.map((o) => ({ id: o.id, html: renderCardText(o.text, item.id) })),
        },
      };
      break;
    case "order":
      body = {
        order: {
          entries: shuffleEntries(item.items, seed).map((e) => ({
            id: e.id,
            html: renderCardText(e.text, item.id),
          })),
        },
      };
      break;
    case "numeric":
      body = { numeric: { unit: item.unit ?? null } };
      break;
    case "formula":
      body = { formula: { variables: Object.keys(item.variables) } };
      break;
    case "code":
      body = {
        code: { exercise: item.exercise, language, starter: await readStarter(item.exercise, language) },
      };
      break;
    case "judgment":
      body = { judgment: await getJudgmentItemView(item.exercise) };
      break;
    case "explain":
      break;
  }
  const marking = stored?.detail.marking === true;
  const answered: ItemView["answered"] = stored
    ? {
        answer: stored.answer,
        timeUsedMs: stored.timeUsedMs,
        late: stored.detail.late === true,
        marking,
        // An explain answer's text is in: its key points are shown to be marked (never their phrases).
        ...(item.type === "explain"
          ? {
              suggested: stored.detail.suggested ?? [],
              keyPoints: item.keyPoints.map(({ id, text }) => ({ id, text })),
            }
          : {}),
      }
    : null;
  const feedback: ItemView["feedback"] =
    reveal && stored && !marking
      ? {
          points: stored.points,
          note: stored.detail.note,
          missed: stored.detail.missed,
          explanationHtml: renderText(item.explanation, item.id),
          expected: expectedOf(item),
          result: (stored.detail.result as GradeResult | undefined) ?? null,
        }
      : reveal && !stored
        ? {
            points: 0,
            note: "not answered",
            missed: [],
            explanationHtml: renderText(item.explanation, item.id),
            expected: expectedOf(item),
            result: null,
          }
        : null;
  return { ...base, ...body, answered, feedback } as ItemView;
}
