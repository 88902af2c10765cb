// Schemas of the cards' domain values (domain.ts) and of the drill's API answers. zod/mini: the
// drill loads this module when it parses an answer (a dynamic import, so /cards and the pages that
// prefetch it do not carry zod up front).
import * as z from "zod/mini";
import { CARD_KINDS, QUEUE_REASONS, RATINGS } from "./domain";

/** Validates a rating. */
export const RatingSchema = z.literal(RATINGS);
/** Validates a card kind. */
export const CardKindSchema = z.enum(CARD_KINDS);
/** Validates a queue reason. */
export const QueueReasonSchema = z.enum(QUEUE_REASONS);

/**
 * A card topic as written in a card file; which topics exist is whatever the card files of
 * content/cards name (lib/cards/deck.ts getTopics), so this checks the form only.
 */
export const TopicSchema = z.string().check(z.regex(/^[a-z0-9-]+$/), z.maxLength(60));

const count = z.number().check(z.int(), z.nonnegative());

/** What the drill shows for one card: content, the version to send back, and each rating's interval. */
export const CardViewSchema = z.object({
  id: z.string(),
  topic: TopicSchema,
  lesson: z.string(),
  kind: CardKindSchema,
  frontHtml: z.string(),
  backHtml: z.string(),
  code: z.nullable(z.string()),
  /** The CardState version the client must send with its rating (0 for a card never seen). */
  version: count,
  reason: QueueReasonSchema,
  /** The interval each rating would lead to, e.g. "10m", "3d". */
  intervals: z.object({ 1: z.string(), 2: z.string(), 3: z.string(), 4: z.string() }),
});
/** One card of the drill. */
export type CardView = z.infer<typeof CardViewSchema>;

/** An exercise due for a recall: re-implemented (or answered) from memory on its page. */
export const ExerciseItemViewSchema = z.object({
  slug: z.string(),
  title: z.string(),
  /** "code", or the kind of an exercise of judgment. */
  kind: z.string(),
  /** The learner's language for a coded exercise (null: not chosen yet, or an exercise of judgment). */
  language: z.nullable(z.string()),
});
export type ExerciseItemView = z.infer<typeof ExerciseItemViewSchema>;

/** The drill's whole state (GET /api/cards/queue): the card to show next and what is left today. */
export const DrillStateSchema = z.object({
  current: z.nullable(CardViewSchema),
  /** Exercises due for a recall, most overdue first; listed above the cards (absent: none). */
  exercises: z.optional(z.array(ExerciseItemViewSchema)),
  remaining: z.object({ due: count, mistake: count, new: count }),
  /** requestId of the rating "U" would undo, if any. */
  undoRequestId: z.nullable(z.string()),
});
/** The drill's whole state. */
export type DrillState = z.infer<typeof DrillStateSchema>;

/** The answer of POST /api/cards/rate and /api/cards/undo: the next drill state, or an error message. */
export const DrillAnswerSchema = z.object({
  drill: z.optional(DrillStateSchema),
  error: z.optional(z.string()),
});
