// The question bank of the mock interviews: content/interview/<topic>.json, each an array of items.
// One schema per item type, joined on `type`; the contract the content authors write to. Which
// lessons, sections, cards and exercises exist is checked with every other reference
// (references.ts, check:content); this module checks the form.
import { z } from "zod";
import { SlugSchema } from "./slug";

/** The item types of the bank. */
export const INTERVIEW_ITEM_TYPES = [
  "choice",
  "order",
  "numeric",
  "formula",
  "explain",
  "code",
  "judgment",
] as const;
/** An item type. */
export type InterviewItemType = (typeof INTERVIEW_ITEM_TYPES)[number];

/** What an item tests; the report scores each. */
export const INTERVIEW_DIMENSIONS = ["knowledge", "derivation", "implementation", "judgment"] as const;
/** A dimension of the report. */
export type InterviewDimension = (typeof INTERVIEW_DIMENSIONS)[number];

/** The computations a numeric item may name (lib/interview/compute.ts implements each). */
export const COMPUTE_NAMES = [
  "adam-first-step",
  "adam-step",
  "bias-correction",
  "ema-window",
  "sgd-step",
  "momentum-steady-step",
  "max-stable-lr-quadratic",
  "optimal-lr-quadratic",
  "heavy-ball-optimal-momentum",
  "linear-scaling-lr",
  "sqrt-scaling-lr",
  "optimizer-state-bytes",
  "warmup-cosine-lr",
  "step-decay-lr",
] as const;
/** The name of a computation. */
export type ComputeName = (typeof COMPUTE_NAMES)[number];

const idSchema = SlugSchema;
/** A card topic (content/cards names them; that it exists is a reference check). */
const TopicSchema = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(60);
/** Markdown with `$…$` math. */
const markdown = z.string().trim().min(8).max(4000);
const labelled = z.strictObject({ id: idSchema, text: z.string().trim().min(1).max(400) });

/** A follow-up asked when this item misses something: a key point, option, diagnosis, or "any". */
export const FollowUpSchema = z.strictObject({
  ifMissed: z.string().min(1).max(80),
  item: idSchema,
});

const commonFields = {
  id: idSchema,
  topic: TopicSchema,
  lesson: SlugSchema,
  /** A heading id of the lesson as rehype-slug makes it. */
  section: z.string().regex(/^[a-z0-9\u00c0-\uffff_-]+$/, {
    error: "must be a heading id (lowercase, hyphens)",
  }),
  cards: z.array(SlugSchema).min(1),
  dimension: z.enum(INTERVIEW_DIMENSIONS),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  prompt: markdown,
  explanation: markdown,
  minutes: z.number().int().min(1).max(15),
  followUps: z.array(FollowUpSchema).max(6).optional(),
};

const uniqueIds = (list: ReadonlyArray<{ id: string }>) =>
  new Set(list.map((e) => e.id)).size === list.length;

/** Multiple choice: one correct option, or several ("select all that apply"). */
export const ChoiceItemSchema = z
  .strictObject({
    type: z.literal("choice"),
    ...commonFields,
    options: z.array(labelled).min(2).max(6),
    correct: z.array(idSchema).min(1),
  })
  .refine((item) => uniqueIds(item.options), { message: "option ids must be unique", path: ["options"] })
  .refine((item) => item.correct.every((id) => item.options.some((o) => o.id === id)), {
    message: "every correct id must be an option id",
    path: ["correct"],
  })
  .refine((item) => new Set(item.correct).size === item.correct.length, {
    message: "correct ids must be unique",
    path: ["correct"],
  });

/** Ordering: `items` listed in the correct order (the engine shuffles them). */
export const OrderItemSchema = z
  .strictObject({
    type: z.literal("order"),
    ...commonFields,
    items: z.array(labelled).min(3).max(8),
  })
  .refine((item) => uniqueIds(item.items), { message: "item ids must be unique", path: ["items"] });

/** A tolerance: relative to the expected value, or absolute. */
export const ToleranceSchema = z.union([
  z.strictObject({ relative: z.number().positive().max(0.5) }),
  z.strictObject({ absolute: z.number().positive() }),
]);
/** A tolerance of a numeric item. */
export type Tolerance = z.infer<typeof ToleranceSchema>;

/** A named computation with its arguments; the arguments are checked by lib/interview/compute.ts. */
export const ComputeSpecSchema = z.strictObject({
  name: z.enum(COMPUTE_NAMES),
  args: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.number())])),
});
/** A computation of a numeric item. */
export type ComputeSpec = z.infer<typeof ComputeSpecSchema>;

/** Numeric: the expected value is computed by the engine from the reference core, never typed in. */
export const NumericItemSchema = z.strictObject({
  type: z.literal("numeric"),
  ...commonFields,
  compute: ComputeSpecSchema,
  tolerance: ToleranceSchema,
  unit: z.string().max(30).optional(),
});

const expression = z.string().trim().min(1).max(300);
/** The range a formula variable is sampled from. */
export const VariableRangeSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((range) => range.min < range.max, { message: "needs min < max" });

/** Formula: an expression checked for equivalence at random points of the named variables. */
export const FormulaItemSchema = z.strictObject({
  type: z.literal("formula"),
  ...commonFields,
  variables: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), VariableRangeSchema)
    .refine((v) => Object.keys(v).length >= 1, { message: "name at least one variable" }),
  answer: expression,
  lookalikes: z.array(expression).max(10).default([]),
  accepts: z.array(expression).max(10).default([]),
});

/** One key point of an explain item's rubric; `phrases` pre-mark it (lowercase, or /regex/). */
export const KeyPointSchema = z.strictObject({
  id: idSchema,
  text: z.string().trim().min(3).max(300),
  phrases: z.array(z.string().min(2).max(120)).min(1).max(12),
});
/** A key point. */
export type KeyPoint = z.infer<typeof KeyPointSchema>;

/** Explain: free text, then a model answer and 3-5 key points the learner marks. */
export const ExplainItemSchema = z
  .strictObject({
    type: z.literal("explain"),
    ...commonFields,
    modelAnswer: markdown,
    keyPoints: z.array(KeyPointSchema).min(3).max(5),
  })
  .refine((item) => uniqueIds(item.keyPoints), {
    message: "key point ids must be unique",
    path: ["keyPoints"],
  });

/** Code: a coded exercise under the interview clock, graded by the real grader. */
export const CodeItemSchema = z.strictObject({
  type: z.literal("code"),
  ...commonFields,
  exercise: SlugSchema,
  /** The exercise of the second code item, unlocked by passing this one. */
  followUpExercise: SlugSchema.optional(),
});

/** Judgment: an exercise of judgment (diagnose, predict, tune) answered in the interview. */
export const JudgmentItemSchema = z.strictObject({
  type: z.literal("judgment"),
  ...commonFields,
  exercise: SlugSchema,
});

/** One item of the question bank, by `type`. */
export const InterviewItemSchema = z.discriminatedUnion("type", [
  ChoiceItemSchema,
  OrderItemSchema,
  NumericItemSchema,
  FormulaItemSchema,
  ExplainItemSchema,
  CodeItemSchema,
  JudgmentItemSchema,
]);
/** An item of any type. */
export type InterviewItem = z.infer<typeof InterviewItemSchema>;
/** An item of one type. */
export type InterviewItemOf<T extends InterviewItemType> = Extract<InterviewItem, { type: T }>;

/** A bank file: an array of items. */
export const InterviewFileSchema = z.array(InterviewItemSchema);

/** Parses one bank file; throws naming the file, the item (index and id) and every bad field. */
export function parseInterviewFile(raw: unknown, file: string): InterviewItem[] {
  if (!Array.isArray(raw)) throw new Error(`${file}: must be a JSON array of interview items`);
  const problems: string[] = [];
  const items: InterviewItem[] = [];
  raw.forEach((entry, index) => {
    const parsed = InterviewItemSchema.safeParse(entry);
    if (parsed.success) {
      items.push(parsed.data);
      return;
    }
    const id =
      entry !== null && typeof entry === "object" && typeof (entry as { id?: unknown }).id === "string"
        ? ` "${(entry as { id: string }).id}"`
        : "";
    for (const issue of parsed.error.issues)
      problems.push(
        `item ${index}${id}: field "${issue.path.length > 0 ? issue.path.join(".") : "(root)"}": ${issue.message}`,
      );
  });
  if (problems.length > 0) throw new Error(`${file}: ${problems.join("; ")}`);
  return items;
}
