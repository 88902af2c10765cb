// The answers the learner sends, one shape per item type, validated before anything is stored.
import { z } from "zod";
import type { InterviewItem, InterviewItemType } from "../content/interview-schema";
import { DomainError } from "../domain-error";
import { isCodeTooLarge, MAX_CODE_BYTES } from "../grader/limits";
import { INTERVIEW_FORMAT_IDS, INTERVIEW_MODES, type InterviewFormatId } from "./formats";

const id = z.string().min(1).max(80);
const finite = z.number({ error: "Send a number." }).refine(Number.isFinite, "Send a finite number.");

/** The body of POST /api/interview: what to start. */
export const StartBodySchema = z.strictObject({
  format: z.enum(INTERVIEW_FORMAT_IDS as [InterviewFormatId, ...InterviewFormatId[]]),
  mode: z.enum(INTERVIEW_MODES),
  focus: z.string().regex(/^[a-z0-9-]{1,60}$/, "Send all, weakest or a topic."),
});

/** An answer's shape per item type (each its own object, so a wrong type is refused). */
export const ANSWER_SCHEMAS = {
  choice: z.strictObject({ picked: z.array(id).max(6) }),
  order: z.strictObject({ order: z.array(id).min(1).max(8) }),
  numeric: z.strictObject({ value: finite }),
  formula: z.strictObject({ expression: z.string().trim().min(1, "Type an expression.").max(300) }),
  /** First the text (`covered` absent), then the key points the learner marks as covered. */
  explain: z.strictObject({ text: z.string().max(4000), covered: z.array(id).max(5).optional() }),
  code: z.strictObject({ code: z.string().min(1, "The code is empty.") }),
  judgment: z.strictObject({ answer: z.record(z.string().max(80), z.union([finite, z.string().max(100)])) }),
} satisfies Record<InterviewItemType, z.ZodType>;

/** The answer to an item of type T. */
export type AnswerOf<T extends InterviewItemType> = z.infer<(typeof ANSWER_SCHEMAS)[T]>;

/** An answer of the wrong shape for its item. */
export class InvalidInterviewAnswerError extends DomainError {
  constructor(message: string) {
    super("invalid", `Invalid answer: ${message}`);
  }
}

/** Validates an answer for its item; throws InvalidInterviewAnswerError naming the problem. */
export function parseItemAnswer<T extends InterviewItem>(item: T, raw: unknown): AnswerOf<T["type"]> {
  const parsed = ANSWER_SCHEMAS[item.type].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new InvalidInterviewAnswerError(`${where}${issue?.message ?? "wrong shape"}`);
  }
  const answer = parsed.data as AnswerOf<T["type"]>;
  if (item.type === "code" && isCodeTooLarge((answer as AnswerOf<"code">).code))
    throw new InvalidInterviewAnswerError(`the code is larger than ${MAX_CODE_BYTES} bytes`);
  return answer;
}

/** The body of POST /api/interview/[id]/answer. */
export const AnswerBodySchema = z.strictObject({
  itemId: z.string().min(1).max(120),
  answer: z.record(z.string(), z.unknown()),
});
/** A body's largest size: the code limit with every character escaped, plus the rest. */
export const MAX_ANSWER_BODY_BYTES = MAX_CODE_BYTES * 6 + 4096;
