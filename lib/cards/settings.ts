import { z } from "zod";
import { DAILY_NEW_LIMIT } from "./queue";

/** FSRS's default desired retention (ts-fsrs `request_retention`). */
export const DEFAULT_RETENTION = 0.9;

/** The learner's drill settings, as the settings form sends them. */
export const DrillSettingsSchema = z.object({
  newCardsPerDay: z.number().int().min(0).max(200),
  desiredRetention: z.number().min(0.7).max(0.97),
});
export type DrillSettings = z.infer<typeof DrillSettingsSchema>;

/** The settings in force: a learner's stored choice, else the defaults. */
export function resolveDrillSettings(
  stored: {
    newCardsPerDay: number | null;
    desiredRetention: number | null;
  } | null,
): DrillSettings {
  return {
    newCardsPerDay: stored?.newCardsPerDay ?? DAILY_NEW_LIMIT,
    desiredRetention: stored?.desiredRetention ?? DEFAULT_RETENTION,
  };
}
