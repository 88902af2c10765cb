import * as z from "zod/mini";

/** The delete route's answer: what went, by kind. */
export const DeletedAnswerSchema = z.object({
  deleted: z.object({
    account: z.boolean(),
    lessonsRead: z.number(),
    submissions: z.number(),
    cards: z.number(),
    reviews: z.number(),
    ownCards: z.number(),
    interviews: z.number(),
    solutionReveals: z.number(),
  }),
});

/** The parsed answer. */
export type DeletedAnswer = z.infer<typeof DeletedAnswerSchema>;
