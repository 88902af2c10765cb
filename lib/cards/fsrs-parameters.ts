import { default_w } from "ts-fsrs";
import { z } from "zod";

// A learner's stored fit (the FsrsFit row) read back safely: parameters and the simulated effect
// are JSON text. Kept apart from fsrs-fit.ts so the drill's requests read a fit without loading the
// optimizer's native module.

/**
 * Parameters as stored (a JSON array), or null when they are not a full FSRS-6 set: ts-fsrs would
 * silently fall back to its defaults for a wrong length, so a bad row means "not fitted" here.
 */
export function parseStoredParameters(json: string | null | undefined): number[] | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = z.array(z.number().finite()).length(default_w.length).safeParse(value);
  return parsed.success ? parsed.data : null;
}

const ScheduleEffectSchema = z.object({
  desiredRetention: z.number(),
  reviewsPerDay: z.number(),
  averageRecall: z.number(),
});

/** The effect column: the learner's parameters' and the defaults' simulated effect at a few retentions. */
export const StoredEffectSchema = z.object({
  cards: z.number().int(),
  newCardsPerDay: z.number().int(),
  yours: z.array(ScheduleEffectSchema),
  defaults: z.array(ScheduleEffectSchema),
});
export type StoredEffect = z.infer<typeof StoredEffectSchema>;
export type ScheduleEffectRow = z.infer<typeof ScheduleEffectSchema>;

export function parseStoredEffect(json: string | null | undefined): StoredEffect | null {
  if (!json) return null;
  try {
    const parsed = StoredEffectSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The estimate made at the retention nearest the one asked for (the exact one when the job had it). */
export function effectNearest(
  effects: readonly ScheduleEffectRow[],
  desiredRetention: number,
): ScheduleEffectRow | null {
  let best: ScheduleEffectRow | null = null;
  for (const effect of effects)
    if (
      best === null ||
      Math.abs(effect.desiredRetention - desiredRetention) <
        Math.abs(best.desiredRetention - desiredRetention)
    )
      best = effect;
  return best;
}
