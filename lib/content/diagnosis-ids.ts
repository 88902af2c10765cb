// zod/mini: result.ts embeds this schema, and the browser parses results with it.
import * as z from "zod/mini";

/**
 * Mistakes of the language rather than the formula: named from what the Python harness sees
 * (parameters not updated in place, arrays of the wrong type), for every exercise, with no variant.
 */
export const LANGUAGE_MISTAKE_IDS = [
  "params-rebound",
  "grad-reference-kept",
  "integer-array",
  "float32-array",
] as const;

/**
 * Ids of the classic mistakes the grader can name. Content refers to them (an exercise's
 * `diagnoses`, a card's `mistakes`), the grader defines each one (lib/grader/diagnoses.ts and
 * variants.ts), and the database stores them on submissions: one list for all three.
 */
export const DIAGNOSIS_IDS = [
  "missing-bias-correction",
  "eps-inside-root",
  "step-count-not-advanced",
  "step-count-from-zero",
  "betas-swapped",
  "sign-error",
  "gradient-not-squared",
  "ema-momentum",
  "old-velocity",
  "adagrad-sum",
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
  "lr-decayed-every-step",
  "scheduler-stepped-first",
  "weight-decay-after-step",
  "minibatch-sum",
  "partial-batch-mean",
  "epoch-not-reshuffled",
  "clip-per-tensor",
  "clip-missing-eps",
  "clip-not-clamped",
  "clip-by-value",
  "lamb-global-trust-ratio",
  "lamb-zero-norm-ratio",
  "adafactor-unfactored",
  "adafactor-no-update-clipping",
  "adafactor-no-relative-step",
  "muon-gradient-orthogonalized",
  "muon-no-shape-scale",
  "schedule-free-params-hold-x",
  "schedule-free-ema-average",
  ...LANGUAGE_MISTAKE_IDS,
] as const;

/** Id of a classic mistake. */
export type DiagnosisId = (typeof DIAGNOSIS_IDS)[number];

/** Validates a diagnosis id. */
export const DiagnosisIdSchema = z.enum(DIAGNOSIS_IDS);
