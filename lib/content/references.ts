// Cross-references between pieces of content, checked as a whole: a lesson's cards name a deck topic
// or a card, its exercises exist, an exercise's diagnoses are grader diagnosis ids, a card's lesson
// exists, and every internal link reaches a real page (and heading). Pure: the loader gathers the
// facts (references.server.ts), this decides what is broken.

import type { InterviewItem } from "./interview-schema";

/** A link or reference found in a content file. */
export type ContentLink = { file: string; href: string };

/** What the check needs to know about the course, gathered from content/ and app/. */
export type ContentIndex = {
  lessons: ReadonlyArray<{
    file: string;
    slug: string;
    cards: readonly string[];
    exercises: readonly string[];
    headingIds: readonly string[];
  }>;
  /** `kind` as exercise.json says ("code" when absent). */
  exercises: ReadonlyArray<{ file: string; slug: string; kind: string; diagnoses: readonly string[] }>;
  cards: ReadonlyArray<{
    file: string;
    id: string;
    topic: string;
    lesson: string;
    mistakes: readonly string[];
  }>;
  diagnosisIds: readonly string[];
  /** Routes without parameters that the app serves, such as "/" and "/cards/stats". */
  staticRoutes: readonly string[];
  links: readonly ContentLink[];
  /** The interview question bank, validated by its schema. */
  interview?: ReadonlyArray<{ file: string; item: InterviewItem }>;
};

/** One broken reference: the file, the field (or "link"), the value and why. */
export type ReferenceProblem = { file: string; field: string; value: string; message: string };

/** Every broken reference in the course, in file order. */
export function findReferenceProblems(index: ContentIndex): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const lessons = new Map(index.lessons.map((lesson) => [lesson.slug, lesson]));
  const exercises = new Set(index.exercises.map((exercise) => exercise.slug));
  const topics = new Set(index.cards.map((card) => card.topic));
  const cardIds = new Set(index.cards.map((card) => card.id));
  const diagnoses = new Set(index.diagnosisIds);

  for (const lesson of index.lessons) {
    for (const value of lesson.cards) {
      if (!topics.has(value) && !cardIds.has(value)) {
        problems.push({
          file: lesson.file,
          field: "cards",
          value,
          message: "is neither a card topic nor a card id",
        });
      }
    }
    for (const value of lesson.exercises) {
      if (!exercises.has(value))
        problems.push({ file: lesson.file, field: "exercises", value, message: "is no exercise" });
    }
  }
  for (const exercise of index.exercises) {
    for (const value of exercise.diagnoses) {
      if (!diagnoses.has(value)) {
        problems.push({
          file: exercise.file,
          field: "diagnoses",
          value,
          message: "is no grader diagnosis id",
        });
      }
    }
  }
  for (const card of index.cards) {
    if (!lessons.has(card.lesson)) {
      problems.push({
        file: card.file,
        field: `${card.id}.lesson`,
        value: card.lesson,
        message: "is no lesson",
      });
    }
    for (const value of card.mistakes) {
      if (!diagnoses.has(value)) {
        problems.push({
          file: card.file,
          field: `${card.id}.mistakes`,
          value,
          message: "is no grader diagnosis id",
        });
      }
    }
  }
  problems.push(...findInterviewProblems(index, { lessons, cardIds, topics, diagnoses }));
  const ownLesson = new Map(index.lessons.map((lesson) => [lesson.file, lesson.slug]));
  for (const link of index.links) {
    const message = checkLink(
      link,
      { lessons, exercises, topics, staticRoutes: new Set(index.staticRoutes) },
      ownLesson.get(link.file),
    );
    if (message) problems.push({ file: link.file, field: "link", value: link.href, message });
  }
  return problems;
}

// The bank's references: what each item names exists, ids are unique, follow-ups reach items.
function findInterviewProblems(
  index: ContentIndex,
  known: {
    lessons: Map<string, { headingIds: readonly string[] }>;
    cardIds: Set<string>;
    topics: Set<string>;
    diagnoses: Set<string>;
  },
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const entries = index.interview ?? [];
  const kinds = new Map(index.exercises.map((exercise) => [exercise.slug, exercise.kind]));
  const itemIds = new Set(entries.map((entry) => entry.item.id));
  const seen = new Set<string>();
  for (const { file, item } of entries) {
    const add = (field: string, value: string, message: string) =>
      problems.push({ file, field: `${item.id}.${field}`, value, message });
    if (seen.has(item.id)) add("id", item.id, "is used by another interview item");
    seen.add(item.id);
    if (!known.topics.has(item.topic)) add("topic", item.topic, "is no card topic");
    const lesson = known.lessons.get(item.lesson);
    if (!lesson) add("lesson", item.lesson, "is no lesson");
    else if (!lesson.headingIds.includes(item.section))
      add("section", item.section, `is no heading id of lesson "${item.lesson}"`);
    for (const card of item.cards) if (!known.cardIds.has(card)) add("cards", card, "is no card id");
    if (item.type === "code") {
      for (const [field, slug] of [
        ["exercise", item.exercise],
        ["followUpExercise", item.followUpExercise],
      ] as const) {
        if (slug !== undefined && kinds.get(slug) !== "code") add(field, slug, "is no coded exercise");
      }
    }
    if (item.type === "judgment") {
      const kind = kinds.get(item.exercise);
      if (kind === undefined || kind === "code") add("exercise", item.exercise, "is no exercise of judgment");
    }
    const missable = missableIds(item, known.diagnoses);
    for (const followUp of item.followUps ?? []) {
      if (!itemIds.has(followUp.item)) add("followUps.item", followUp.item, "is no interview item");
      else if (followUp.item === item.id) add("followUps.item", followUp.item, "is the item itself");
      if (followUp.ifMissed !== "any" && !missable.has(followUp.ifMissed))
        add(
          "followUps.ifMissed",
          followUp.ifMissed,
          `is not "any" nor anything this ${item.type} item can miss`,
        );
    }
  }
  return problems;
}

// What a follow-up's ifMissed may name for this item: key points, options, steps or diagnoses.
function missableIds(item: InterviewItem, diagnoses: Set<string>): Set<string> {
  switch (item.type) {
    case "explain":
      return new Set(item.keyPoints.map((point) => point.id));
    case "choice":
      return new Set(item.options.map((option) => option.id));
    case "order":
      return new Set(item.items.map((entry) => entry.id));
    case "code":
    case "judgment":
      return diagnoses;
    default:
      return new Set();
  }
}

type Known = {
  lessons: Map<string, { headingIds: readonly string[] }>;
  exercises: Set<string>;
  topics: Set<string>;
  staticRoutes: Set<string>;
};

// Why an internal link is broken, or null when it reaches a real page (and heading).
function checkLink(link: ContentLink, known: Known, ownLesson: string | undefined): string | null {
  const { href } = link;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return null; // external
  if (!href.startsWith("/") && !href.startsWith("#"))
    return "is a relative link; write it from the site root (/learn/…)";
  const url = new URL(href, `https://descent.invalid/learn/${ownLesson ?? ""}`);
  const anchor = decodeURIComponent(url.hash.slice(1));
  const lessonMatch = /^\/learn\/([^/]+)$/.exec(url.pathname);
  if (lessonMatch?.[1]) {
    const lesson = known.lessons.get(lessonMatch[1]);
    if (!lesson) return "links to no lesson";
    if (anchor && !lesson.headingIds.includes(anchor))
      return `links to no heading "#${anchor}" of that lesson`;
    return null;
  }
  const exerciseMatch = /^\/exercises\/([^/]+)$/.exec(url.pathname);
  if (exerciseMatch?.[1]) return known.exercises.has(exerciseMatch[1]) ? null : "links to no exercise";
  if (!known.staticRoutes.has(url.pathname)) return "links to no page of the app";
  const topic = url.searchParams.get("topic");
  if (url.pathname === "/cards" && topic !== null && !known.topics.has(topic))
    return `names no card topic "${topic}"`;
  return null;
}

/** The problems as one message, one line per problem naming the file and the value. */
export function formatReferenceProblems(problems: readonly ReferenceProblem[]): string {
  const lines = problems.map((p) => `  ${p.file}: ${p.field} "${p.value}" ${p.message}`);
  return `Broken content reference${problems.length === 1 ? "" : "s"}:\n${lines.join("\n")}`;
}

/** Internal and external link targets in Markdown/MDX text: `[text](href)` and `href="…"`. */
export function extractLinks(text: string): string[] {
  const hrefs: string[] = [];
  let inFence = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const withoutCode = line.replace(/`[^`]*`/g, "");
    for (const match of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      if (match[1]) hrefs.push(match[1]);
    for (const match of withoutCode.matchAll(/\bhref=\{?["']([^"']+)["']\}?/g))
      if (match[1]) hrefs.push(match[1]);
  }
  return hrefs;
}
