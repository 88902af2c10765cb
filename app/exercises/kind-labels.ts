import type { JudgmentKind } from "@/lib/content/judgment-schema";

/** The badge of each kind of exercise of judgment (a coded exercise has none). */
export const JUDGMENT_KIND_LABELS: Record<JudgmentKind, string> = {
  tune: "Tuning",
  diagnose: "Diagnosis",
  predict: "Prediction",
};
