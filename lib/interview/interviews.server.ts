import "server-only";
import { randomInt } from "node:crypto";
import { getDeck } from "@/lib/cards/deck";
import type { InterviewItem } from "@/lib/content/interview-schema";
import { prisma } from "@/lib/db/prisma.server";
import { DomainError } from "@/lib/domain-error";
import type { GradeResult } from "@/lib/grader/result";
import { getLearnerLanguage } from "@/lib/progress/language.server";
import { queueCardsNow } from "@/lib/progress/reviews.server";
import { parseItemAnswer } from "./answers";
import { type Bank, codeFollowUpId } from "./bank";
import { getBank } from "./bank.server";
import {
  CHECK_YOURSELF_FORMAT,
  INTERVIEW_FORMATS,
  type InterviewFocus,
  type InterviewFormatId,
  type InterviewMode,
  MAX_FOLLOW_UPS,
  type StoredFormat,
} from "./formats";
import { type AnswerDetail, gradeFromResult, gradeOffline } from "./grade-item";
import { judgeReadiness, type Readiness } from "./readiness";
import { selectItems } from "./selection";
import type { InterviewReport, InterviewSummary, InterviewView } from "./view";
import { buildItemView, type StoredAnswer } from "./view.server";
import { getTopicWeakness } from "./weakness.server";

// The interview's life on the server: start (one active per learner), answer items against the
// server's deadline, finish (early, or by expiry, noticed on the next read), and the report.

/** Below this many points an item counts as missed: its cards go to the front of the drill. */
export const MISSED_BELOW = 3;

/** The learner already has an interview running. */
export class InterviewActiveError extends DomainError {
  constructor(id: string) {
    super("conflict", "You already have an interview running: finish it first.", { interviewId: id });
  }
}

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

/** Timed interviews only: a lesson's check-yourself questions are stored as interviews too. */
const TIMED = { format: { not: CHECK_YOURSELF_FORMAT } } as const;

function loadRow(learnerId: string, id: string) {
  return prisma.interview.findFirst({ where: { id, learnerId }, include: { answers: true } });
}

function parseIds(json: string | null): string[] {
  if (!json) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function requireItem(bank: Bank, id: string): InterviewItem {
  const item = bank.get(id);
  if (!item) throw new DomainError("not-found", `This interview asks no item "${id}".`);
  return item;
}

/** Ends every interview of the learner whose deadline has passed (unanswered items score 0). */
async function settleExpired(learnerId: string, now = new Date()): Promise<void> {
  const expired = await prisma.interview.findMany({
    where: { learnerId, finishedAt: null, deadline: { lte: now }, ...TIMED },
    select: { id: true, deadline: true },
  });
  for (const row of expired) await finalize(learnerId, row.id, row.deadline);
}

/** The learner's running interview, or null (one past its deadline is ended first). */
export async function getActiveInterview(learnerId: string): Promise<InterviewView | null> {
  await settleExpired(learnerId);
  const row = await prisma.interview.findFirst({
    where: { learnerId, finishedAt: null, ...TIMED },
    include: { answers: true },
  });
  return row ? toView(row) : null;
}

/** Starts an interview: items chosen for the format and focus by a fresh seed, a deadline now + minutes. */
export async function startInterview(input: {
  learnerId: string;
  format: InterviewFormatId;
  mode: InterviewMode;
  focus: InterviewFocus;
  seed?: number;
  now?: Date;
}): Promise<InterviewView> {
  const now = input.now ?? new Date();
  await settleExpired(input.learnerId, now);
  const bank = getBank();
  if (input.focus !== "all" && input.focus !== "weakest" && !bank.items.some((i) => i.topic === input.focus))
    throw new DomainError("invalid", `No interview items on the topic "${input.focus}".`);
  const seed = input.seed ?? randomInt(1, 2 ** 31 - 1);
  const weakness = input.focus === "weakest" ? await getTopicWeakness(input.learnerId, bank) : undefined;
  const items = selectItems({ bank: bank.items, format: input.format, focus: input.focus, seed, weakness });
  if (items.length === 0) throw new DomainError("invalid", "No interview items fit this format and focus.");
  const minutes = INTERVIEW_FORMATS[input.format].minutes;
  const row = await prisma.$transaction(async (tx) => {
    const active = await tx.interview.findFirst({
      where: { learnerId: input.learnerId, finishedAt: null, ...TIMED },
    });
    if (active) throw new InterviewActiveError(active.id);
    return tx.interview.create({
      data: {
        learnerId: input.learnerId,
        format: input.format,
        mode: input.mode,
        focus: input.focus,
        seed,
        items: JSON.stringify(items.map((item) => item.id)),
        startedAt: now,
        deadline: new Date(now.getTime() + minutes * 60_000),
      },
      include: { answers: true },
    });
  });
  return toView(row);
}

/** An item of the learner's running interview that can still be answered, and whether the deadline passed (the route grades code before recording, and nothing once late). */
export async function getAnswerableItem(
  learnerId: string,
  interviewId: string,
  itemId: string,
  now = new Date(),
): Promise<{ item: InterviewItem; late: boolean }> {
  const row = await loadRow(learnerId, interviewId);
  if (!row) throw new DomainError("not-found", "No such interview.");
  if (row.finishedAt) throw new DomainError("conflict", "This interview has ended.");
  if (!parseIds(row.items).includes(itemId))
    throw new DomainError("not-found", `This interview asks no item "${itemId}".`);
  const item = requireItem(getBank(), itemId);
  const existing = row.answers.find((answer) => answer.itemId === itemId);
  const marking = existing && item.type === "explain" && parseDetail(existing.detail).marking;
  if (existing && !marking) throw new DomainError("conflict", "This item is already answered.");
  return { item, late: now.getTime() > row.deadline.getTime() };
}

function parseDetail(json: string): AnswerDetail {
  const value = JSON.parse(json) as AnswerDetail;
  return { ...value, missed: value.missed ?? [] };
}

/**
 * Records an answer: validated for its item (InvalidInterviewAnswerError, nothing stored), graded
 * (code and judgment items bring their grade report), stored with the time since the previous
 * answer. After the deadline it is stored with 0 points and the interview ends. A miss may add a
 * follow-up item; a passed code item adds its follow-up exercise.
 */
export async function answerItem(input: {
  learnerId: string;
  interviewId: string;
  itemId: string;
  answer: unknown;
  graded?: GradeResult;
  now?: Date;
}): Promise<InterviewView> {
  const now = input.now ?? new Date();
  const { item } = await getAnswerableItem(input.learnerId, input.interviewId, input.itemId, now);
  const answer = parseItemAnswer(item, input.answer);
  const row = (await loadRow(input.learnerId, input.interviewId)) as Row;
  const late = now.getTime() > row.deadline.getTime();
  const existing = row.answers.find((a) => a.itemId === item.id);
  // Marks sent after the deadline change nothing: the text came in time and keeps its suggestions.
  if (late && existing) {
    await finalize(input.learnerId, row.id, row.deadline);
    return toView((await loadRow(input.learnerId, row.id)) as Row, now);
  }
  let points = 0;
  let detail: AnswerDetail;
  if (late) detail = { note: "answered after the deadline", missed: [], late: true };
  else if (item.type === "code" || item.type === "judgment") {
    if (!input.graded) throw new Error(`a ${item.type} answer needs its grade report`);
    ({ points, detail } = gradeFromResult(input.graded));
  } else ({ points, detail } = gradeOffline(item, answer));

  const previous = row.answers.reduce(
    (latest, a) => Math.max(latest, a.answeredAt.getTime()),
    row.startedAt.getTime(),
  );
  // The time of an explain answer is the text's; the marks that follow add nothing.
  const timeUsedMs = existing
    ? existing.timeUsedMs
    : Math.max(0, Math.min(now.getTime(), row.deadline.getTime()) - previous);
  const data = {
    answer: JSON.stringify(answer),
    score: points,
    detail: JSON.stringify(detail),
    timeUsedMs,
  };
  if (existing) await prisma.interviewAnswer.update({ where: { id: existing.id }, data });
  else
    await prisma.interviewAnswer.create({
      data: { ...data, interviewId: row.id, itemId: item.id, answeredAt: now },
    });

  if (late) await finalize(input.learnerId, row.id, row.deadline);
  else if (!detail.marking) await addFollowUps(row, item, points, detail);
  return toView((await loadRow(input.learnerId, row.id)) as Row, now);
}

// A miss adds the item's follow-up for what was missed; a passed code item, its second exercise.
// The ids added are kept in the answer's detail (followUps), which bounds them per interview.
async function addFollowUps(
  row: Row,
  item: InterviewItem,
  points: number,
  detail: AnswerDetail,
): Promise<void> {
  const ids = parseIds(row.items);
  const added = row.answers.reduce((sum, a) => sum + (parseDetail(a.detail).followUps?.length ?? 0), 0);
  const extra: string[] = [];
  if (points < 4) {
    for (const followUp of item.followUps ?? []) {
      if (followUp.ifMissed === "any" || detail.missed.includes(followUp.ifMissed)) extra.push(followUp.item);
    }
  }
  // A lesson's check-yourself questions stay the ones the lesson lists.
  if (row.format === CHECK_YOURSELF_FORMAT) return;
  const unlocked = codeFollowUpId(item);
  if (unlocked && points === 4) extra.push(unlocked);
  const bank = getBank();
  const fresh = [...new Set(extra)]
    .filter((id) => !ids.includes(id) && bank.get(id))
    .slice(0, Math.max(0, MAX_FOLLOW_UPS - added));
  if (fresh.length === 0) return;
  const at = ids.indexOf(item.id) + 1;
  await prisma.$transaction([
    prisma.interview.update({
      where: { id: row.id },
      data: { items: JSON.stringify([...ids.slice(0, at), ...fresh, ...ids.slice(at)]) },
    }),
    prisma.interviewAnswer.update({
      where: { interviewId_itemId: { interviewId: row.id, itemId: item.id } },
      data: { detail: JSON.stringify({ ...detail, followUps: fresh }) },
    }),
  ]);
}

/** Ends the interview now (the learner pressed "Finish interview"). */
export async function finishInterview(
  learnerId: string,
  interviewId: string,
  now = new Date(),
): Promise<void> {
  const row = await prisma.interview.findFirst({
    where: { id: interviewId, learnerId },
    select: { finishedAt: true, deadline: true },
  });
  if (!row) throw new DomainError("not-found", "No such interview.");
  if (row.finishedAt) return;
  await finalize(learnerId, interviewId, now < row.deadline ? now : row.deadline);
}

/**
 * Scores an ended interview once: the readiness rule over every item (unanswered: 0), and the cards
 * of every missed item to the front of the drill. The first caller wins; others find it done.
 */
async function finalize(learnerId: string, interviewId: string, finishedAt: Date): Promise<void> {
  const row = await loadRow(learnerId, interviewId);
  if (!row || row.score !== null) return;
  const bank = getBank();
  const points = new Map(row.answers.map((a) => [a.itemId, a.score]));
  const items = parseIds(row.items).flatMap((id) => bank.get(id) ?? []);
  const result = judgeReadiness(
    items.map((item) => ({ dimension: item.dimension, points: points.get(item.id) ?? 0 })),
  );
  const missed = items.filter((item) => (points.get(item.id) ?? 0) < MISSED_BELOW);
  const cards = [...new Set(missed.flatMap((item) => item.cards))];
  const claimed = await prisma.interview.updateMany({
    where: { id: row.id, score: null },
    data: {
      finishedAt: row.finishedAt ?? finishedAt,
      score: result.score,
      readiness: result.readiness,
      queuedCards: JSON.stringify(cards),
    },
  });
  if (claimed.count === 1 && cards.length > 0) await queueCardsNow(learnerId, cards);
}

/** What the browser receives of a stored interview (no answer before it may be revealed). */
export async function toView(row: Row, now = new Date()): Promise<InterviewView> {
  const bank = getBank();
  const ended = row.finishedAt !== null;
  const reveal = (stored: StoredAnswer | null) => ended || (row.mode === "study" && stored !== null);
  const answers = new Map(
    row.answers.map((a) => [
      a.itemId,
      {
        answer: JSON.parse(a.answer) as unknown,
        points: a.score,
        detail: parseDetail(a.detail),
        timeUsedMs: a.timeUsedMs,
      },
    ]),
  );
  const asked = parseIds(row.items).map((id) => requireItem(bank, id));
  const language = asked.some((item) => item.type === "code")
    ? ((await getLearnerLanguage(row.learnerId)) ?? "typescript")
    : "typescript";
  const items = await Promise.all(
    asked.map((item) => {
      const stored = answers.get(item.id) ?? null;
      return buildItemView(item, row.seed, stored, reveal(stored), language);
    }),
  );
  return {
    id: row.id,
    format: row.format as StoredFormat,
    mode: row.mode as InterviewMode,
    focus: row.focus,
    startedAt: row.startedAt.toISOString(),
    deadline: row.deadline.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    serverNow: now.toISOString(),
    items,
  };
}

/** An interview of the learner, ended first when its deadline passed; null when it is not theirs. */
export async function getInterview(learnerId: string, interviewId: string): Promise<InterviewView | null> {
  await settleExpired(learnerId);
  const row = await loadRow(learnerId, interviewId);
  return row ? toView(row) : null;
}

/** The report of an ended interview (null when none such, or still running). */
export async function getReport(learnerId: string, interviewId: string): Promise<InterviewReport | null> {
  await settleExpired(learnerId);
  let row = await loadRow(learnerId, interviewId);
  if (!row?.finishedAt || row.format === CHECK_YOURSELF_FORMAT) return null;
  if (row.score === null) {
    // Ended without a score (a guest's interview closed by a merge): score it now.
    await finalize(learnerId, row.id, row.finishedAt);
    row = (await loadRow(learnerId, interviewId)) as Row;
  }
  const view = await toView(row);
  const bank = getBank();
  const points = new Map(row.answers.map((a) => [a.itemId, a.score]));
  const items = parseIds(row.items).flatMap((id) => bank.get(id) ?? []);
  const result = judgeReadiness(
    items.map((item) => ({ dimension: item.dimension, points: points.get(item.id) ?? 0 })),
  );
  const deck = new Map(getDeck().map((card) => [card.id, card]));
  const sectionOf = new Map(items.flatMap((item) => item.cards.map((card) => [card, item.section] as const)));
  return {
    ...view,
    format: row.format as InterviewFormatId,
    score: row.score ?? result.score,
    readiness: (row.readiness as Readiness | null) ?? result.readiness,
    dimensions: result.dimensions,
    queuedCards: parseIds(row.queuedCards).map((id) => ({
      id,
      // The card's question as the drill shows it (an id of a card since removed shows as itself).
      frontHtml: deck.get(id)?.frontHtml ?? id,
      lesson: deck.get(id)?.lesson ?? "",
      section: sectionOf.get(id) ?? "",
    })),
  };
}

/** The learner's interviews, newest first (ended ones scored). */
export async function listInterviews(learnerId: string, take = 50): Promise<InterviewSummary[]> {
  await settleExpired(learnerId);
  const rows = await prisma.interview.findMany({
    where: { learnerId, ...TIMED },
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true,
      format: true,
      mode: true,
      startedAt: true,
      finishedAt: true,
      score: true,
      readiness: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    format: row.format as InterviewFormatId,
    mode: row.mode as InterviewMode,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    score: row.score,
    readiness: row.readiness as Readiness | null,
  }));
}
