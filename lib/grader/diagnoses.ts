/** Ids of the classic mistakes the grader can name (the flash cards map these ids to cards). */
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
] as const;

/**
 * Every id the grader can report: DIAGNOSIS_IDS plus ids whose flash cards do not exist yet
 * (move them into DIAGNOSIS_IDS once the deck has a card for them).
 */
export const ALL_DIAGNOSIS_IDS = [...DIAGNOSIS_IDS, "coupled-weight-decay"] as const;

/** Id of a classic mistake. */
export type DiagnosisId = (typeof ALL_DIAGNOSIS_IDS)[number];

/** Title and explanation shown to the learner for each classic mistake. */
export const DIAGNOSES: Readonly<Record<DiagnosisId, { title: string; explanation: string }>> = {
  "missing-bias-correction": {
    title: "Missing bias correction",
    explanation:
      "m and v start at 0, so early averages are too small. Divide by 1 − β1^t and 1 − β2^t (or fold the factors into the step size).",
  },
  "eps-inside-root": {
    title: "ε inside the square root",
    explanation:
      "PyTorch adds ε after the root: √v + ε, not √(v + ε). The difference shows when gradients are tiny.",
  },
  "step-count-not-advanced": {
    title: "Step count not advanced",
    explanation: "t must grow by one every step; with t stuck at 1 the bias correction never decays.",
  },
  "step-count-from-zero": {
    title: "Step count starts at 0 in the first update",
    explanation:
      "Increment t before using it: the first step uses t = 1, otherwise 1 − β^0 = 0 divides by zero.",
  },
  "betas-swapped": {
    title: "β1 and β2 swapped",
    explanation: "β1 decays the gradient average m, β2 the squared-gradient average v.",
  },
  "sign-error": {
    title: "Sign error",
    explanation: "Descent moves against the gradient: θ ← θ − (step), not θ + (step).",
  },
  "gradient-not-squared": {
    title: "Gradient not squared",
    explanation: "The second-moment average accumulates g², not g.",
  },
  "ema-momentum": {
    title: "EMA momentum convention",
    explanation:
      "PyTorch's momentum accumulates the raw gradient, v ← μv + g; the exponential-average form v ← μv + (1 − μ)g scales steps by 1 − μ.",
  },
  "old-velocity": {
    title: "Parameters updated with the old velocity",
    explanation: "Update the velocity first, then move the parameters with the new velocity.",
  },
  "adagrad-sum": {
    title: "AdaGrad's running sum instead of an average",
    explanation: "RMSprop decays its accumulator: s ← αs + (1 − α)g², not s ← s + g².",
  },
  "coupled-weight-decay": {
    title: "L2 penalty instead of decoupled weight decay",
    explanation:
      "AdamW shrinks the parameters directly, θ ← θ(1 − lr·λ); adding λθ to the gradient is Adam's L2 penalty, which the adaptive denominator rescales.",
  },
  "alpha-swapped": {
    title: "α and 1 − α swapped",
    explanation: "α (close to 1) multiplies the old average; 1 − α multiplies the new g².",
  },
};

/** Returns the learner-facing diagnosis for an id. */
export function getDiagnosis(id: DiagnosisId): { id: DiagnosisId; title: string; explanation: string } {
  return { id, ...DIAGNOSES[id] };
}

/** True when `id` is one of ALL_DIAGNOSIS_IDS. */
export function isDiagnosisId(id: string): id is DiagnosisId {
  return (ALL_DIAGNOSIS_IDS as readonly string[]).includes(id);
}
