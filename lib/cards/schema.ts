import { z } from "zod";

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

/** Diagnosis ids the grader reports; cards name the ones they teach in `mistakes`. */
export const CARD_DIAGNOSIS_IDS = [
  "missing-bias-correction",
  "eps-inside-sqrt",
  "step-count-not-advanced",
  "step-count-from-zero",
  "betas-swapped",
  "sign-error",
  "gradient-not-squared",
  "ema-momentum-convention",
  "stale-velocity",
  "adagrad-sum-in-rmsprop",
  "alpha-swapped",
  "coupled-weight-decay",
  "nesterov-plain-momentum",
  "amsgrad-no-max",
  "amsgrad-max-of-vhat",
  "lion-momentum-first",
  "warmup-off-by-one",
  "cosine-ignores-warmup",
  "cosine-not-held",
  "min-lr-ignored",
] as const;

export type DiagnosisId = (typeof CARD_DIAGNOSIS_IDS)[number];

/** The grader's names for the same mistakes (lib/grader/diagnoses.ts), mapped to the deck's. */
export const DIAGNOSIS_ALIASES: Readonly<Record<string, DiagnosisId>> = {
  "eps-inside-root": "eps-inside-sqrt",
  "ema-momentum": "ema-momentum-convention",
  "old-velocity": "stale-velocity",
  "adagrad-sum": "adagrad-sum-in-rmsprop",
};

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
    mistakes: z.array(z.enum(CARD_DIAGNOSIS_IDS)).optional(),
  })
  .strict()
  .refine((card) => card.kind !== "spot-the-bug" || card.code !== undefined, {
    message: "spot-the-bug cards need the wrong code",
  });

export type CardSource = z.infer<typeof CardSchema>;

/** A card ready to show: math rendered to HTML. */
export type Card = CardSource & { frontHtml: string; backHtml: string };
