import { z } from "zod";
import { DIAGNOSIS_IDS } from "@/lib/grader/diagnoses";

/** Lesson slugs a card may point to (the course's thirteen lessons). */
export const LESSON_SLUGS = [
  "optimization-problem",
  "stochastic-gradient-descent",
  "momentum",
  "nesterov",
  "adagrad",
  "rmsprop",
  "adam",
  "weight-decay",
  "adam-variants",
  "learning-rate-schedules",
  "choosing-an-optimizer",
  "distributed-training",
  "interview-flash-notes",
] as const;

/** One flash card as written in content/cards/*.json. */
export const CardSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are kebab-case"),
    topic: z.string().regex(/^[a-z0-9-]+$/),
    lesson: z.enum(LESSON_SLUGS),
    kind: z.enum(["question", "formula", "spot-the-bug"]),
    front: z.string().min(8),
    back: z.string().min(8),
    code: z.string().min(1).optional(),
    mistakes: z.array(z.enum(DIAGNOSIS_IDS)).optional(),
  })
  .strict()
  .refine((card) => card.kind !== "spot-the-bug" || card.code !== undefined, {
    message: "spot-the-bug cards need the wrong code",
  });

export type CardSource = z.infer<typeof CardSchema>;

/** A card ready to show: math rendered to HTML. */
export type Card = CardSource & { frontHtml: string; backHtml: string };
