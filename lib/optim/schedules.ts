import * as z from "zod/mini";
import { OptimizerConfigError, parseConfig, STANDALONE } from "../config-error";

const positiveInt = z
  .number()
  .check(z.refine((v) => Number.isInteger(v) && v >= 1, { error: "must be an integer >= 1" }));
const nonNegativeInt = z
  .number()
  .check(z.refine((v) => Number.isInteger(v) && v >= 0, { error: "must be an integer >= 0" }));
const positive = z.number().check(z.refine((v) => v > 0, { error: "must be > 0" }));
const nonNegative = z.number().check(z.refine((v) => v >= 0, { error: "must be >= 0" }));
const factor = z.number().check(z.refine((v) => v > 0 && v <= 1, { error: "must be in (0, 1]" }));

/** A learning-rate schedule; validated by createSchedule. */
export const scheduleSpecSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("constant") }),
  z.strictObject({ type: z.literal("step"), stepSize: positiveInt, gamma: positive }),
  z.strictObject({ type: z.literal("exponential"), gamma: positive }),
  z.strictObject({ type: z.literal("cosine"), tMax: positiveInt, etaMin: z.optional(nonNegative) }),
  z.strictObject({
    type: z.literal("linear-warmup"),
    warmupSteps: positiveInt,
    startFactor: z.optional(factor),
  }),
  z
    .strictObject({
      type: z.literal("warmup-cosine"),
      warmupSteps: nonNegativeInt,
      totalSteps: positiveInt,
      minLr: z.optional(nonNegative),
    })
    .check(
      z.superRefine((s, ctx) => {
        if (s.totalSteps <= s.warmupSteps) {
          ctx.addIssue({
            code: "custom",
            path: ["totalSteps"],
            message: `Invalid totalSteps: ${s.totalSteps} (must be > warmupSteps = ${s.warmupSteps})`,
            params: STANDALONE,
          });
        }
      }),
    ),
]);

/** A learning-rate schedule specification. */
export type ScheduleSpec = z.infer<typeof scheduleSpecSchema>;

/** Names of the schedule types. */
export const SCHEDULE_TYPES = [
  "constant",
  "step",
  "exponential",
  "cosine",
  "linear-warmup",
  "warmup-cosine",
] as const;

/** PyTorch LinearLR's default start factor. */
export const DEFAULT_START_FACTOR = 1 / 3;

/**
 * Returns lr(t) for a 0-based step index t (t = 0 is the first step, like PyTorch schedulers'
 * last_epoch after construction). Validates the spec; throws OptimizerConfigError.
 * - step: baseLr * gamma^floor(t / stepSize)                      (StepLR)
 * - exponential: baseLr * gamma^t                                 (ExponentialLR)
 * - cosine: etaMin + (baseLr - etaMin) (1 + cos(pi t / tMax)) / 2, held at etaMin for t >= tMax
 * - linear-warmup: baseLr * (s + (1 - s) min(t, W) / W), s = startFactor (default 1/3, LinearLR)
 * - warmup-cosine: baseLr (t + 1) / W for t < W, then cosine from baseLr to minLr at totalSteps, held after
 */
export function createSchedule(baseLr: number, spec: ScheduleSpec): (t: number) => number {
  if (typeof baseLr !== "number" || !Number.isFinite(baseLr) || baseLr < 0) {
    throw new OptimizerConfigError(`Invalid lr: ${baseLr} (must be a finite number >= 0)`, "lr");
  }
  const type: unknown = (spec as { type?: unknown } | null)?.type;
  if (!(SCHEDULE_TYPES as readonly unknown[]).includes(type)) {
    throw new OptimizerConfigError(
      `Unknown schedule type ${JSON.stringify(type)} (expected one of ${SCHEDULE_TYPES.join(", ")})`,
      "type",
    );
  }
  const s = parseConfig(scheduleSpecSchema, spec, `schedule "${String(type)}"`);
  const rate = buildRate(baseLr, s);
  return (t: number) => {
    if (!(t >= 0) || !Number.isFinite(t))
      throw new RangeError(`schedule: invalid step index ${t} (must be >= 0)`);
    return rate(t);
  };
}

function buildRate(baseLr: number, s: ScheduleSpec): (t: number) => number {
  switch (s.type) {
    case "constant":
      return () => baseLr;
    case "step":
      return (t) => baseLr * s.gamma ** Math.floor(t / s.stepSize);
    case "exponential":
      return (t) => baseLr * s.gamma ** t;
    case "cosine": {
      const etaMin = s.etaMin ?? 0;
      return (t) =>
        t >= s.tMax ? etaMin : etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * t) / s.tMax))) / 2;
    }
    case "linear-warmup": {
      const start = s.startFactor ?? DEFAULT_START_FACTOR;
      return (t) => baseLr * (start + ((1 - start) * Math.min(t, s.warmupSteps)) / s.warmupSteps);
    }
    case "warmup-cosine": {
      const minLr = s.minLr ?? 0;
      const decaySteps = s.totalSteps - s.warmupSteps;
      return (t) => {
        if (t < s.warmupSteps) return (baseLr * (t + 1)) / s.warmupSteps;
        const progress = Math.min(1, (t - s.warmupSteps) / decaySteps);
        return minLr + (baseLr - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
      };
    }
  }
}
