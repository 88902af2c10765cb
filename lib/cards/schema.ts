import { z } from "zod";
import { DiagnosisIdSchema } from "@/lib/content/diagnosis-ids";
import { SlugSchema } from "@/lib/content/slug";
import { CardKindSchema, TopicSchema } from "./domain-schemas";

/** One flash card as written in content/cards/*.json. */
export const CardSchema = z
  .object({
    id: SlugSchema,
    topic: TopicSchema,
    /** A lesson slug; that the lesson exists is checked with every other reference (check:content). */
    lesson: SlugSchema,
    kind: CardKindSchema,
    front: z.string().min(8),
    back: z.string().min(8),
    code: z.string().min(1).optional(),
    mistakes: z.array(DiagnosisIdSchema).optional(),
  })
  .strict()
  .refine((card) => card.kind !== "spot-the-bug" || card.code !== undefined, {
    message: "spot-the-bug cards need the wrong code",
  });

export type CardSource = z.infer<typeof CardSchema>;

/** A card ready to show: math rendered to HTML. */
export type Card = CardSource & { frontHtml: string; backHtml: string };
