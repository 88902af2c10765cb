// exercise.json of the exercises of judgment (tune, diagnose, predict): no learner code, the
// server grades a small answer against numbers the core computes. The coded exercise's schema is
// in exercise-schema.ts; ExerciseDefinitionSchema there is the union of all kinds.
import { z } from "zod";
import { OBJECTIVE_NAMES } from "../objectives";
import type { ObjectiveName } from "../objectives/types";
import { OPTIMIZER_NAMES, scheduleSpecSchema } from "../optim";
import type { OptimizerName } from "../optim/types";

const optimizerSchema = z.enum(OPTIMIZER_NAMES as [OptimizerName, ...OptimizerName[]]);
/** Objectives that need no data set (logistic regression takes generated data, see DataSchema). */
const objectiveSchema = z.strictObject({
  name: z.enum(OBJECTIVE_NAMES.filter((n) => n !== "logreg") as [ObjectiveName, ...ObjectiveName[]]),
  args: z.record(z.string(), z.unknown()).optional(),
});
const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be kebab-case");

/** Fields every exercise shares (the list, the page title, the order). */
const commonFields = {
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int(),
  difficulty: z.enum(["intro", "core", "advanced"]),
};

// --- tune ---

/** One hyper-parameter the learner sets: a slider and a number input between min and max. */
export const TuneParamSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    /** Shown beside the input, e.g. "learning rate η". */
    label: z.string().min(1),
    min: z.number(),
    max: z.number(),
    /** Where the sliders start: the optimizer's defaults, which must not pass (a test checks). */
    default: z.number(),
    /** A log slider for a learning rate; the number input takes any value in [min, max]. */
    scale: z.enum(["linear", "log"]).default("linear"),
    /** Decimal places of the slider (linear) or significant digits (log) in the number input. */
    digits: z.number().int().min(1).max(6).default(3),
  })
  .refine((p) => p.min < p.max && p.default >= p.min && p.default <= p.max, {
    message: "needs min < max and min ≤ default ≤ max",
  })
  .refine((p) => p.scale === "linear" || p.min > 0, { message: "a log scale needs min > 0" });

/** One tunable hyper-parameter. */
export type TuneParam = z.infer<typeof TuneParamSchema>;

/** A tuning exercise: reach `loss < target` within `steps` steps of the core with chosen hyper-parameters. */
export const TuneConfigSchema = z.strictObject({
  kind: z.literal("tune"),
  ...commonFields,
  optimizer: optimizerSchema,
  objective: objectiveSchema,
  x0: z.array(z.number()).min(1),
  steps: z.number().int().min(1).max(5000),
  /** The mean loss over the last steps (getTuneWindow in lib/judgment/tune.ts) must be below this. */
  target: z.number().positive(),
  params: z.array(TuneParamSchema).min(1).max(6),
  /** PyTorch hparam name → param name, or a list of names for a tuple (betas). */
  torchHparams: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  fixedTorchHparams: z.record(z.string(), z.unknown()).default({}),
});
export type TuneConfig = z.infer<typeof TuneConfigSchema>;

// --- diagnose ---

/** Seeded synthetic binary classification, split into training and validation rows. */
export const DataSchema = z.strictObject({
  seed: z.number().int(),
  rows: z.number().int().min(4).max(2000),
  features: z.number().int().min(1).max(100),
  /** Probability that a label is flipped. */
  labelNoise: z.number().min(0).max(0.5),
  /** The first trainRows rows train; the rest measure the validation loss. */
  trainRows: z.number().int().min(2),
});
export type DataSpec = z.infer<typeof DataSchema>;

/** A run of the core whose loss curve is shown: an objective, or logistic regression on generated data. */
export const CurveRunSchema = z
  .strictObject({
    optimizer: optimizerSchema,
    hparams: z.record(z.string(), z.unknown()).default({}),
    objective: objectiveSchema.optional(),
    data: DataSchema.optional(),
    /** Required with an objective; logistic regression starts at zero. */
    x0: z.array(z.number()).min(1).optional(),
    steps: z.number().int().min(2).max(2000),
    schedule: z.optional(scheduleSpecSchema),
  })
  .refine((r) => (r.objective ? r.x0 !== undefined && !r.data : r.data !== undefined), {
    message: "give either objective and x0, or data",
  });
export type CurveRun = z.infer<typeof CurveRunSchema>;

/** One loss curve to diagnose. */
export const CurveSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  /** The choice id that names the cause (never sent to the browser). */
  answer: idSchema,
  /** Why, shown after the learner answers (never sent before). */
  explanation: z.string().min(1),
  yLog: z.boolean().default(false),
  run: CurveRunSchema,
});
export type Curve = z.infer<typeof CurveSchema>;

/** A diagnosis exercise: name the cause of each curve from a list of choices. */
export const DiagnoseConfigSchema = z
  .strictObject({
    kind: z.literal("diagnose"),
    ...commonFields,
    choices: z
      .array(
        z.strictObject({
          id: idSchema,
          label: z.string().min(1),
          /** What a curve with this cause looks like: shown when a learner picks it for another curve. */
          signature: z.string().min(1),
        }),
      )
      .min(2),
    curves: z.array(CurveSchema).min(1).max(8),
  })
  .refine((c) => c.curves.every((curve) => c.choices.some((choice) => choice.id === curve.answer)), {
    message: "every curve's answer must be one of the choices",
  });
export type DiagnoseConfig = z.infer<typeof DiagnoseConfigSchema>;

// --- predict ---

/** Where the expected number comes from: computed by the core when the page is built and when grading. */
export const ValueSourceSchema = z.discriminatedUnion("type", [
  /** A number of a run: the parameters, the loss, or the step θ_step − θ_(step−1), after `step` steps. */
  z.strictObject({
    type: z.literal("trajectory"),
    optimizer: optimizerSchema,
    hparams: z.record(z.string(), z.unknown()).default({}),
    objective: objectiveSchema,
    x0: z.array(z.number()).min(1),
    step: z.number().int().min(0).max(10_000),
    field: z.enum(["params", "loss", "update"]),
    index: z.number().int().min(0).default(0),
  }),
  /** The step θ_step − θ_(step−1) of an optimizer fed the same gradient every step. */
  z.strictObject({
    type: z.literal("constant-gradient"),
    optimizer: optimizerSchema,
    hparams: z.record(z.string(), z.unknown()).default({}),
    gradient: z.array(z.number()).min(1),
    step: z.number().int().min(1).max(10_000),
    index: z.number().int().min(0).default(0),
    /** The size of the step rather than its signed value. */
    abs: z.boolean().default(false),
  }),
  /** Goyal et al.'s linear scaling rule: lr · newBatch / batch. */
  z.strictObject({
    type: z.literal("linear-scaling"),
    lr: z.number().positive(),
    batch: z.number().int().positive(),
    newBatch: z.number().int().positive(),
  }),
  /** Steps of a run until its distance to the objective's minimum is at most `ratio` times the first. */
  z.strictObject({
    type: z.literal("steps-to-distance"),
    optimizer: optimizerSchema,
    hparams: z.record(z.string(), z.unknown()).default({}),
    objective: objectiveSchema,
    x0: z.array(z.number()).min(1),
    ratio: z.number().positive().lt(1),
    maxSteps: z.number().int().min(1).max(100_000).default(10_000),
  }),
  /**
   * The stability edge of heavy ball (plain gradient descent when momentum is 0) on a quadratic: the
   * largest curvature stable at `lr`, or the largest learning rate stable at `curvature`.
   */
  z.strictObject({
    type: z.literal("stability-edge"),
    momentum: z.number().min(0).lt(1).default(0),
    lr: z.number().positive().optional(),
    curvature: z.number().positive().optional(),
  }),
  /** Polyak's best heavy-ball learning rate, momentum or rate for Hessian eigenvalues in [smallest, largest]. */
  z.strictObject({
    type: z.literal("heavy-ball-optimum"),
    smallest: z.number().positive(),
    largest: z.number().positive(),
    quantity: z.enum(["lr", "momentum", "rate"]),
  }),
  /** McCandlish et al.'s estimates from the squared gradient norms measured at two batch sizes. */
  z.strictObject({
    type: z.literal("noise-scale"),
    small: z.strictObject({ batch: z.number().int().positive(), squaredNorm: z.number().positive() }),
    big: z.strictObject({ batch: z.number().int().positive(), squaredNorm: z.number().positive() }),
    quantity: z.enum(["gradient-squared-norm", "trace", "simple"]),
  }),
  /** Steps (S/S_min) or examples (E/E_min) needed at `batch` for a noise scale, relative to the fewest. */
  z.strictObject({
    type: z.literal("batch-tradeoff"),
    noiseScale: z.number().positive(),
    batch: z.number().int().positive(),
    quantity: z.enum(["steps", "examples"]),
  }),
]);
export type ValueSource = z.infer<typeof ValueSourceSchema>;

/** One number to compute by hand. */
export const QuestionSchema = z.strictObject({
  id: idSchema,
  /** The question, plain text (the task.mdx around it carries the formulas). */
  prompt: z.string().min(1),
  value: ValueSourceSchema,
  /** |answer − expected| ≤ max(absolute, relative · |expected|). */
  tolerance: z
    .strictObject({ relative: z.number().min(0).default(0), absolute: z.number().min(0).default(0) })
    .refine((t) => t.relative > 0 || t.absolute > 0, { message: "give a relative or an absolute tolerance" }),
  /** Shown after a wrong answer: where to look, without the number. */
  hint: z.string().min(1),
  /** Worked solution shown after a right answer; `{expected}` is replaced by the core's number. */
  explanation: z.string().min(1),
  /** Significant digits of the expected value in the explanation and the verdict. */
  digits: z.number().int().min(1).max(12).default(4),
});
export type Question = z.infer<typeof QuestionSchema>;

/** A prediction exercise: compute numbers by hand, graded against the core within a tolerance. */
export const PredictConfigSchema = z.strictObject({
  kind: z.literal("predict"),
  ...commonFields,
  questions: z.array(QuestionSchema).min(1).max(10),
});
export type PredictConfig = z.infer<typeof PredictConfigSchema>;

/**
 * The schema of each kind of exercise of judgment, one entry per kind: exercise-schema.ts joins them
 * with the coded exercise into the one union of exercise kinds (ExerciseDefinitionSchema).
 */
export const JUDGMENT_CONFIG_SCHEMAS = [TuneConfigSchema, DiagnoseConfigSchema, PredictConfigSchema] as const;
/** Any exercise of judgment. */
export type JudgmentConfig = z.infer<(typeof JUDGMENT_CONFIG_SCHEMAS)[number]>;
/** The kinds of exercise beside "code". */
export type JudgmentKind = JudgmentConfig["kind"];
