import type { ExerciseConfig } from "../content/exercise-schema";
import type { Objective } from "../objectives/types";
import { createNewtonSchulzScratch, newtonSchulz5 } from "../optim";
import type { DiagnosisId } from "./diagnoses";

type Hyper = Readonly<Record<string, number>>;
type VariantState = { t: number; a: Float64Array; b: Float64Array; c: Float64Array };
/** What a variant may need besides the gradient: the tensor sizes, the objective's data set. */
export interface VariantContext {
  layers: readonly number[];
  objective: Objective;
}
/** A host-side "classic mistake" variant: one in-place step over the learner's Hyper. */
export type VariantStep = (
  x: Float64Array,
  g: Float64Array,
  s: VariantState,
  hp: Hyper,
  context: VariantContext,
) => void;

/** What decides which optimizer a variant models: the lib/optim optimizer, fixed hparams, schedule. */
export type VariantTarget = Pick<
  ExerciseConfig,
  "optimizer" | "fixedTorchHparams" | "schedule" | "clipGradNorm" | "batchSize"
>;

const num = (hp: Hyper, name: string): number => hp[name] ?? Number.NaN;

/** θ − step, or θ + step for the sign-error variant. */
const descend = (id: DiagnosisId, p: number, delta: number): number =>
  id === "sign-error" ? p + delta : p - delta;

// Heavy-ball (torch.optim.SGD with momentum) and, with `nesterov`, SGD(nesterov=True).
function sgdVariant(id: DiagnosisId, nesterov: boolean): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const mu = num(hp, "momentum");
    for (let i = 0; i < x.length; i++) {
      const old = s.a[i] as number;
      const gi = g[i] as number;
      const v = id === "ema-momentum" ? mu * old + (1 - mu) * gi : mu * old + gi;
      s.a[i] = v;
      let used: number;
      if (id === "old-velocity") used = old;
      else if (nesterov && id !== "nesterov-plain-momentum") used = gi + mu * v;
      else used = v;
      x[i] = descend(id, x[i] as number, lr * used);
    }
  };
}

// Plain gradient descent with the warm-up + cosine schedule (lr_t for the 0-based step index t).
function warmupCosineVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const warmup = num(hp, "warmupSteps");
    const total = num(hp, "totalSteps");
    const minLr = id === "min-lr-ignored" ? 0 : num(hp, "minLr");
    const t = s.t++;
    let rate: number;
    if (t < warmup) rate = (lr * (id === "warmup-off-by-one" ? t : t + 1)) / warmup;
    else {
      let progress = id === "cosine-ignores-warmup" ? t / total : (t - warmup) / (total - warmup);
      if (id !== "cosine-not-held") progress = Math.min(1, progress);
      rate = minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
    for (let i = 0; i < x.length; i++) x[i] = descend(id, x[i] as number, rate * (g[i] as number));
  };
}

// torch.optim.SGD with L2 weight decay under StepLR (lr_t = lr·γ^⌊t/stepSize⌋ for the 0-based step t).
function stepDecayVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp) => {
    const wd = num(hp, "weightDecay");
    const gamma = num(hp, "gamma");
    const size = num(hp, "stepSize");
    const t = s.t++;
    let exponent = Math.floor(t / size);
    if (id === "lr-decayed-every-step") exponent = t;
    else if (id === "scheduler-stepped-first") exponent = Math.floor((t + 1) / size);
    const lr = num(hp, "lr") * gamma ** exponent;
    for (let i = 0; i < x.length; i++) {
      const p = x[i] as number;
      if (id === "weight-decay-after-step") {
        const moved = p - lr * (g[i] as number);
        x[i] = moved - lr * wd * moved;
      } else x[i] = descend(id, p, lr * ((g[i] as number) + wd * p));
    }
  };
}

// Plain mini-batch SGD (DataLoader(shuffle=True, drop_last=False), mean loss): batch k of an epoch
// is examples [kB, min(kB + B, n)) of that epoch's order; s.t counts the steps taken.
function minibatchVariant(id: DiagnosisId): VariantStep {
  let one = new Float64Array(0);
  return (x, g, s, hp, { objective }) => {
    const lr = num(hp, "lr");
    const batch = num(hp, "batchSize");
    const n = objective.examples ?? 0;
    const perEpoch = Math.ceil(n / batch);
    const t = s.t++;
    const epoch = Math.floor(t / perEpoch);
    const start = (t % perEpoch) * batch;
    const end = Math.min(start + batch, n);
    const order = objective.epochOrder?.(id === "epoch-not-reshuffled" ? 0 : epoch) ?? [];
    if (one.length !== x.length) one = new Float64Array(x.length);
    g.fill(0);
    for (let k = start; k < end; k++) {
      objective.exampleGradient?.(order[k] as number, x, one);
      for (let j = 0; j < x.length; j++) g[j] = (g[j] as number) + (one[j] as number);
    }
    let size = end - start;
    if (id === "minibatch-sum") size = 1;
    else if (id === "partial-batch-mean") size = batch;
    for (let j = 0; j < x.length; j++) x[j] = descend(id, x[j] as number, (lr * (g[j] as number)) / size);
  };
}

// torch.nn.utils.clip_grad_norm_(max_norm) over all tensors, then plain SGD.
function clipVariant(id: DiagnosisId): VariantStep {
  return (x, g, _s, hp, { layers }) => {
    const lr = num(hp, "lr");
    const maxNorm = num(hp, "maxNorm");
    const eps = id === "clip-missing-eps" ? 0 : 1e-6;
    const coef = new Float64Array(x.length);
    let total = 0;
    let start = 0;
    for (const size of layers) {
      let s = 0;
      for (let i = start; i < start + size; i++) s += (g[i] as number) ** 2;
      // Per tensor: this tensor's own coefficient; otherwise accumulate the global norm.
      const c =
        id === "clip-not-clamped"
          ? maxNorm / (Math.sqrt(s) + eps)
          : Math.min(1, maxNorm / (Math.sqrt(s) + eps));
      coef.fill(c, start, start + size);
      total += s;
      start += size;
    }
    if (id !== "clip-per-tensor") {
      const norm = Math.sqrt(total);
      const c = id === "clip-not-clamped" ? maxNorm / (norm + eps) : Math.min(1, maxNorm / (norm + eps));
      coef.fill(c);
    }
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] as number;
      const clipped =
        id === "clip-by-value" ? Math.min(maxNorm, Math.max(-maxNorm, gi)) : (coef[i] as number) * gi;
      x[i] = descend(id, x[i] as number, lr * clipped);
    }
  };
}

// LAMB (Algorithm 2 with bias correction): Adam's update plus λθ, per-layer trust ratio ‖θ‖/‖u‖ (1 at 0).
function lambVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp, { layers }) => {
    const lr = num(hp, "lr");
    const b1 = num(hp, "beta1");
    const b2 = num(hp, "beta2");
    const eps = num(hp, "eps");
    const wd = num(hp, "weightDecay");
    const t = ++s.t;
    const bc1 = id === "missing-bias-correction" ? 1 : 1 - b1 ** t;
    const bc2 = id === "missing-bias-correction" ? 1 : 1 - b2 ** t;
    const u = s.c;
    const groups = id === "lamb-global-trust-ratio" ? [x.length] : layers;
    let start = 0;
    for (const size of groups) {
      let paramSq = 0;
      let updateSq = 0;
      for (let i = start; i < start + size; i++) {
        const gi = g[i] as number;
        const m = b1 * (s.a[i] as number) + (1 - b1) * gi;
        const v = b2 * (s.b[i] as number) + (1 - b2) * gi * gi;
        s.a[i] = m;
        s.b[i] = v;
        const ui = m / bc1 / (Math.sqrt(v / bc2) + eps) + wd * (x[i] as number);
        u[i] = ui;
        paramSq += (x[i] as number) ** 2;
        updateSq += ui * ui;
      }
      const pn = Math.sqrt(paramSq);
      const un = Math.sqrt(updateSq);
      const ratio = id === "lamb-zero-norm-ratio" ? pn / un : pn > 0 && un > 0 ? pn / un : 1;
      for (let i = start; i < start + size; i++)
        x[i] = descend(id, x[i] as number, lr * ratio * (u[i] as number));
      start += size;
    }
  };
}

// torch.optim.Adafactor (2.5) on one rows × cols matrix: factored second moment in s.a (rows) and s.b
// (cols), or per entry in s.c for the unfactored variant.
function adafactorVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const eps1 = num(hp, "eps1");
    const rows = num(hp, "rows");
    const cols = num(hp, "cols");
    const n = x.length;
    const t = ++s.t;
    const w = t ** num(hp, "beta2Decay");
    const rho = Math.min(lr, 1 / Math.sqrt(t));
    let sq = 0;
    for (let i = 0; i < n; i++) sq += (x[i] as number) ** 2;
    const alpha =
      id === "adafactor-no-relative-step" ? rho : Math.max(num(hp, "eps2"), Math.sqrt(sq / n)) * rho;
    const decay = 1 - lr * num(hp, "weightDecay");
    for (let i = 0; i < n; i++) x[i] = (x[i] as number) * decay;
    const u = new Float64Array(n);
    if (id === "adafactor-unfactored") {
      for (let i = 0; i < n; i++) {
        const gi = g[i] as number;
        s.c[i] = (s.c[i] as number) + w * (gi * gi - (s.c[i] as number));
        u[i] = gi / Math.sqrt(Math.max(s.c[i] as number, eps1 * eps1));
      }
    } else {
      let rowSum = 0;
      for (let i = 0; i < rows; i++) {
        let sum = 0;
        for (let j = 0; j < cols; j++) sum += (g[i * cols + j] as number) ** 2;
        s.a[i] = (s.a[i] as number) + w * (sum / cols - (s.a[i] as number));
        rowSum += s.a[i] as number;
      }
      for (let j = 0; j < cols; j++) {
        let sum = 0;
        for (let i = 0; i < rows; i++) sum += (g[i * cols + j] as number) ** 2;
        s.b[j] = (s.b[j] as number) + w * (sum / rows - (s.b[j] as number));
      }
      const mean = Math.max(rowSum / rows, eps1);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const v = ((s.a[i] as number) * (s.b[j] as number)) / mean;
          u[i * cols + j] = (g[i * cols + j] as number) / Math.sqrt(Math.max(v, eps1 * eps1));
        }
    }
    let usq = 0;
    for (let i = 0; i < n; i++) usq += (u[i] as number) ** 2;
    const denom = id === "adafactor-no-update-clipping" ? 1 : Math.max(1, Math.sqrt(usq / n) / num(hp, "d"));
    for (let i = 0; i < n; i++) x[i] = descend(id, x[i] as number, (alpha / denom) * (u[i] as number));
  };
}

// Muon (muon.py) on one rows × cols matrix, the momentum buffer in s.a; Newton–Schulz from the core.
function muonVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const mu = num(hp, "momentum");
    const rows = num(hp, "rows");
    const cols = num(hp, "cols");
    const n = x.length;
    const u = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const gi = g[i] as number;
      s.a[i] = (s.a[i] as number) + (1 - mu) * (gi - (s.a[i] as number));
      u[i] = id === "muon-gradient-orthogonalized" ? gi : gi + mu * ((s.a[i] as number) - gi);
    }
    newtonSchulz5(u, rows, cols, 5, u, createNewtonSchulzScratch(rows, cols));
    const scale = id === "muon-no-shape-scale" ? 1 : Math.sqrt(Math.max(1, rows / cols));
    const decay = 1 - lr * num(hp, "weightDecay");
    for (let i = 0; i < n; i++) x[i] = descend(id, (x[i] as number) * decay, lr * ((u[i] as number) * scale));
  };
}

// Schedule-free SGD (SGDScheduleFreeReference, constant lr): z in s.a, x in s.b, both from the first y.
function scheduleFreeVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const beta = num(hp, "beta");
    const wd = num(hp, "weightDecay");
    if (s.t === 0) {
      s.a.set(x);
      s.b.set(x);
    }
    const t = ++s.t;
    const c = id === "schedule-free-ema-average" ? (t === 1 ? 1 : 1 - beta) : 1 / t;
    for (let i = 0; i < x.length; i++) {
      const gi = (g[i] as number) + wd * (x[i] as number);
      const z = descend(id, s.a[i] as number, lr * gi);
      const avg = (s.b[i] as number) * (1 - c) + c * z;
      s.a[i] = z;
      s.b[i] = avg;
      x[i] = id === "schedule-free-params-hold-x" ? avg : beta * avg + (1 - beta) * z;
    }
  };
}

function rmspropVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const alpha = num(hp, "alpha");
    const eps = num(hp, "eps");
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] as number;
      const old = s.a[i] as number;
      let v: number;
      if (id === "gradient-not-squared") v = alpha * old + (1 - alpha) * gi;
      else if (id === "adagrad-sum") v = old + gi * gi;
      else if (id === "alpha-swapped") v = (1 - alpha) * old + alpha * gi * gi;
      else v = alpha * old + (1 - alpha) * gi * gi;
      s.a[i] = v;
      const denom = id === "eps-inside-root" ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
      x[i] = descend(id, x[i] as number, (lr * gi) / denom);
    }
  };
}

// Adam, AdamW (`decoupled`) and AMSGrad (`amsgrad`: running maximum of v in s.c).
function adamVariant(id: DiagnosisId, decoupled: boolean, amsgrad: boolean): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const wd = decoupled ? num(hp, "weightDecay") : 0;
    const coupled = id === "coupled-weight-decay";
    const swap = id === "betas-swapped";
    const b1 = swap ? num(hp, "beta2") : num(hp, "beta1");
    const b2 = swap ? num(hp, "beta1") : num(hp, "beta2");
    const eps = num(hp, "eps");
    let t: number;
    if (id === "step-count-not-advanced") t = 1;
    else if (id === "step-count-from-zero") t = s.t++;
    else t = ++s.t;
    const bc1 = id === "missing-bias-correction" ? 1 : 1 - b1 ** t;
    const bc2 = id === "missing-bias-correction" ? 1 : 1 - b2 ** t;
    for (let i = 0; i < x.length; i++) {
      const p = coupled ? (x[i] as number) : (x[i] as number) * (1 - lr * wd);
      const gi = coupled ? (g[i] as number) + wd * p : (g[i] as number);
      const m = b1 * (s.a[i] as number) + (1 - b1) * gi;
      const v = b2 * (s.b[i] as number) + (1 - b2) * (id === "gradient-not-squared" ? gi : gi * gi);
      s.a[i] = m;
      s.b[i] = v;
      let vHat: number;
      if (!amsgrad || id === "amsgrad-no-max") vHat = v / bc2;
      else if (id === "amsgrad-max-of-vhat") {
        vHat = Math.max(s.c[i] as number, v / bc2);
        s.c[i] = vHat;
      } else {
        const vMax = Math.max(s.c[i] as number, v);
        s.c[i] = vMax;
        vHat = vMax / bc2;
      }
      const denom = id === "eps-inside-root" ? Math.sqrt(vHat + eps) : Math.sqrt(vHat) + eps;
      x[i] = descend(id, p, ((lr / bc1) * m) / denom);
    }
  };
}

function adagradVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const eps = num(hp, "eps");
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] as number;
      const v = (s.a[i] as number) + gi * gi;
      s.a[i] = v;
      const denom = id === "eps-inside-root" ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
      x[i] = descend(id, x[i] as number, (lr * gi) / denom);
    }
  };
}

// Lion without weight decay: c = β1·m + (1 − β1)·g, θ ← θ − lr·sign(c), then m ← β2·m + (1 − β2)·g.
function lionVariant(id: DiagnosisId): VariantStep {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const swap = id === "betas-swapped";
    const b1 = swap ? num(hp, "beta2") : num(hp, "beta1");
    const b2 = swap ? num(hp, "beta1") : num(hp, "beta2");
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] as number;
      const updated = b2 * (s.a[i] as number) + (1 - b2) * gi;
      const m = id === "lion-momentum-first" ? updated : (s.a[i] as number);
      const c = b1 * m + (1 - b1) * gi;
      s.a[i] = updated;
      x[i] = descend(id, x[i] as number, lr * Math.sign(c));
    }
  };
}

const ADAM_MISTAKES: readonly DiagnosisId[] = [
  "missing-bias-correction",
  "eps-inside-root",
  "step-count-not-advanced",
  "step-count-from-zero",
  "betas-swapped",
  "sign-error",
  "gradient-not-squared",
];

/** A family of exercises sharing one variant implementation, and the mistakes it models. */
interface Family {
  ids: readonly DiagnosisId[];
  make: (id: DiagnosisId) => VariantStep;
}

const FAMILIES = {
  momentum: { ids: ["sign-error", "ema-momentum", "old-velocity"], make: (id) => sgdVariant(id, false) },
  nesterov: {
    ids: ["nesterov-plain-momentum", "ema-momentum", "sign-error"],
    make: (id) => sgdVariant(id, true),
  },
  "warmup-cosine": {
    ids: ["warmup-off-by-one", "cosine-ignores-warmup", "cosine-not-held", "min-lr-ignored", "sign-error"],
    make: warmupCosineVariant,
  },
  "sgd-step-decay": {
    ids: ["lr-decayed-every-step", "scheduler-stepped-first", "weight-decay-after-step", "sign-error"],
    make: stepDecayVariant,
  },
  minibatch: {
    ids: ["minibatch-sum", "partial-batch-mean", "epoch-not-reshuffled", "sign-error"],
    make: minibatchVariant,
  },
  clip: {
    ids: ["clip-per-tensor", "clip-missing-eps", "clip-not-clamped", "clip-by-value", "sign-error"],
    make: clipVariant,
  },
  lamb: {
    ids: ["lamb-global-trust-ratio", "lamb-zero-norm-ratio", "missing-bias-correction", "sign-error"],
    make: lambVariant,
  },
  adafactor: {
    ids: ["adafactor-unfactored", "adafactor-no-update-clipping", "adafactor-no-relative-step", "sign-error"],
    make: adafactorVariant,
  },
  muon: { ids: ["muon-gradient-orthogonalized", "muon-no-shape-scale", "sign-error"], make: muonVariant },
  "sgd-schedulefree": {
    ids: ["schedule-free-params-hold-x", "schedule-free-ema-average", "sign-error"],
    make: scheduleFreeVariant,
  },
  rmsprop: {
    ids: ["eps-inside-root", "gradient-not-squared", "adagrad-sum", "alpha-swapped", "sign-error"],
    make: rmspropVariant,
  },
  adam: { ids: ADAM_MISTAKES, make: (id) => adamVariant(id, false, false) },
  amsgrad: {
    ids: ["amsgrad-no-max", "amsgrad-max-of-vhat", ...ADAM_MISTAKES],
    make: (id) => adamVariant(id, false, true),
  },
  adamw: { ids: ["coupled-weight-decay", ...ADAM_MISTAKES], make: (id) => adamVariant(id, true, false) },
  adagrad: { ids: ["eps-inside-root", "sign-error"], make: adagradVariant },
  lion: { ids: ["betas-swapped", "lion-momentum-first", "sign-error"], make: lionVariant },
} satisfies Record<string, Family>;

/** The variant family that models an exercise's optimizer, or null (no variants: no diagnoses). */
function getFamily(target: VariantTarget): Family | null {
  const fixed = Object.entries(target.fixedTorchHparams);
  if (target.clipGradNorm)
    return target.optimizer === "sgd" && fixed.length === 0 && !target.schedule && !target.batchSize
      ? FAMILIES.clip
      : null;
  if (target.batchSize)
    return target.optimizer === "sgd" && fixed.length === 0 && !target.schedule && !target.clipGradNorm
      ? FAMILIES.minibatch
      : null;
  const only = (name: string) => fixed.length === 1 && fixed[0]?.[0] === name && fixed[0]?.[1] === true;
  if (target.schedule) {
    if (target.optimizer !== "sgd" || fixed.length > 0) return null;
    if (target.schedule.type === "warmup-cosine") return FAMILIES["warmup-cosine"];
    if (target.schedule.type === "step") return FAMILIES["sgd-step-decay"];
    return null;
  }
  if (target.optimizer === "sgd" && only("nesterov")) return FAMILIES.nesterov;
  if (target.optimizer === "adam" && only("amsgrad")) return FAMILIES.amsgrad;
  if (fixed.length > 0) return null;
  if (target.optimizer === "sgd") return FAMILIES.momentum;
  if (target.optimizer === "rmsprop") return FAMILIES.rmsprop;
  if (target.optimizer === "adam") return FAMILIES.adam;
  if (target.optimizer === "adamw") return FAMILIES.adamw;
  if (target.optimizer === "adagrad") return FAMILIES.adagrad;
  if (target.optimizer === "lion") return FAMILIES.lion;
  if (target.optimizer === "lamb") return FAMILIES.lamb;
  if (target.optimizer === "adafactor") return FAMILIES.adafactor;
  if (target.optimizer === "muon") return FAMILIES.muon;
  if (target.optimizer === "sgd_schedulefree") return FAMILIES["sgd-schedulefree"];
  return null;
}

/** Mistakes that have a variant for this exercise (what its exercise.json `diagnoses` may list). */
export function getVariantIds(target: VariantTarget): readonly DiagnosisId[] {
  return getFamily(target)?.ids ?? [];
}

/** The host-side variant for an exercise and mistake, or null when it does not apply. */
export function getVariantStep(target: VariantTarget, id: DiagnosisId): VariantStep | null {
  const family = getFamily(target);
  return family?.ids.includes(id) ? family.make(id) : null;
}

/** Fresh variant state for `dim` parameters. */
export function createVariantState(dim: number): VariantState {
  return { t: 0, a: new Float64Array(dim), b: new Float64Array(dim), c: new Float64Array(dim) };
}
