import { z } from "zod";
import { OBJECTIVE_NAMES } from "../objectives";
import type { ObjectiveName } from "../objectives/types";
import { OPTIMIZER_NAMES, type ScheduleSpec } from "../optim";
import type { OptimizerName } from "../optim/types";
import { createRandom } from "../random";
import { DiagnosisIdSchema } from "./diagnosis-ids";
import { JUDGMENT_CONFIG_SCHEMAS } from "./judgment-schema";

const objectiveSchema = z.strictObject({
  name: z.enum(OBJECTIVE_NAMES.filter((n) => n !== "logreg") as [ObjectiveName, ...ObjectiveName[]]),
  args: z.record(z.string(), z.unknown()).optional(),
});

/** A test the browser may run too: everything explicit and serializable. */
export const VisibleTestSchema = z.strictObject({
  name: z.string().min(1),
  objective: objectiveSchema,
  dim: z.number().int().min(1).max(10_000),
  x0: z.array(z.number()),
  steps: z.number().int().min(1).max(5000),
  hp: z.record(z.string(), z.number()),
  /**
   * Sizes of the parameter tensors the flat vector is cut into, in order (they sum to dim): with
   * layers, init and step receive lists of tensors (views of one buffer) instead of one vector.
   */
  layers: z.array(z.number().int().min(1)).min(1).optional(),
});

/** A visible test (serializable, runs in the browser against lib/optim). */
export type VisibleTest = z.infer<typeof VisibleTestSchema>;

/** A hidden test: x0 explicit or drawn from a seeded PRNG (uniform in [-scale, scale], shifted by center). */
const HiddenTestSchema = VisibleTestSchema.extend({
  x0: z.union([
    z.array(z.number()),
    z.strictObject({ seed: z.number().int(), scale: z.number().positive(), center: z.number().default(0) }),
  ]),
});

/** A hidden test of an exercise. */
export type HiddenTest = z.infer<typeof HiddenTestSchema>;

/** exercise.json: metadata, the mapping to lib/optim, visible tests and the hidden suite. */
export const ExerciseConfigSchema = z.strictObject({
  /** A coded exercise (the default: ExerciseDefinitionSchema reads a missing kind as "code"). */
  kind: z.literal("code"),
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int(),
  difficulty: z.enum(["intro", "core", "advanced"]),
  optimizer: z.enum(OPTIMIZER_NAMES as [OptimizerName, ...OptimizerName[]]),
  hyperNames: z.array(z.string().regex(/^[a-z][A-Za-z0-9]*$/)).min(1),
  /** PyTorch hparam name → learner Hyper name, or a list of names for a tuple (betas). */
  torchHparams: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  /** PyTorch hparams fixed by the exercise (e.g. nesterov: true). */
  fixedTorchHparams: z.record(z.string(), z.unknown()).default({}),
  /** A learning-rate schedule of lib/optim: its type and, per spec field, the learner Hyper name. */
  schedule: z.strictObject({ type: z.string(), from: z.record(z.string(), z.string()) }).optional(),
  visibleTests: z.array(VisibleTestSchema).min(1),
  hiddenTests: z.array(HiddenTestSchema).min(1),
  /** Learner Hyper name of clip_grad_norm_'s max_norm: the gradient is clipped before every step. */
  clipGradNorm: z.string().optional(),
  /**
   * Learner Hyper name of the mini-batch size: step gets no gradient but the data set (per-example
   * gradients, each epoch's shuffled order) and averages mini-batches itself (objective least_squares).
   */
  batchSize: z.string().optional(),
  /** Classic-mistake diagnosis ids to try when a test fails, in order. */
  diagnoses: z.array(DiagnosisIdSchema).default([]),
});

/** A validated exercise.json of a coded exercise. */
export type ExerciseConfig = z.infer<typeof ExerciseConfigSchema>;

/**
 * The schema of every kind of exercise, one entry per kind: the coded exercise (the learner writes
 * the step, graded in the sandbox) and the exercises of judgment (judgment-schema.ts). A kind is
 * added here; `unknownKind` then makes every switch on the kind that misses it a type error.
 */
const EXERCISE_CONFIG_SCHEMAS = [ExerciseConfigSchema, ...JUDGMENT_CONFIG_SCHEMAS] as const;

/**
 * Any exercise.json: a discriminated union on `kind` ("code" when absent, so coded exercises need
 * no such field).
 */
export const ExerciseDefinitionSchema = z.preprocess(
  (raw) =>
    raw !== null && typeof raw === "object" && !Array.isArray(raw) && !("kind" in raw)
      ? { ...raw, kind: "code" }
      : raw,
  z.discriminatedUnion("kind", EXERCISE_CONFIG_SCHEMAS),
);

/** A validated exercise.json of any kind. */
export type ExerciseDefinition = z.infer<typeof ExerciseDefinitionSchema>;
/** The kind of an exercise. */
export type ExerciseKind = ExerciseDefinition["kind"];
/** Every kind, in the order of their schemas. */
export const EXERCISE_KINDS: readonly ExerciseKind[] = EXERCISE_CONFIG_SCHEMAS.map(
  (schema) => schema.shape.kind.value,
);
/** A kind as written in exercise.json. */
export const ExerciseKindSchema = z.enum(EXERCISE_KINDS as [ExerciseKind, ...ExerciseKind[]]);

/**
 * The `default` of every switch on an exercise's kind (the page, the submissions route, the
 * registry, the grading of judgment): its parameter is `never`, so a kind added to the union is a
 * type error in each switch that does not handle it yet.
 */
export function unknownKind(value: never): never {
  const kind = value !== null && typeof value === "object" ? (value as { kind?: unknown }).kind : value;
  throw new Error(`No case for the exercise kind ${JSON.stringify(kind)}.`);
}

/** Maps the learner's Hyper values to the PyTorch hparams of lib/optim. */
export function toTorchHparams(config: ExerciseConfig, hp: Record<string, number>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config.fixedTorchHparams };
  for (const [torchName, learner] of Object.entries(config.torchHparams)) {
    out[torchName] = Array.isArray(learner) ? learner.map((name) => hp[name]) : hp[learner];
  }
  return out;
}

/** The lib/optim schedule spec of an exercise for the learner's Hyper values, or undefined. */
export function toScheduleSpec(config: ExerciseConfig, hp: Record<string, number>): ScheduleSpec | undefined {
  if (!config.schedule) return undefined;
  const spec: Record<string, unknown> = { type: config.schedule.type };
  for (const [field, name] of Object.entries(config.schedule.from)) spec[field] = hp[name];
  return spec as ScheduleSpec;
}

/** The starting point of a test (explicit, or seeded). */
export function resolveX0(test: HiddenTest): number[] {
  if (Array.isArray(test.x0)) return test.x0;
  const { seed, scale, center } = test.x0;
  const rand = createRandom(seed);
  return Array.from({ length: test.dim }, () => center + scale * (2 * rand() - 1));
}
