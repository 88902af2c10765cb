import type { DiagnosisId } from "./diagnoses";

type Hyper = Readonly<Record<string, number>>;
type VariantState = { t: number; a: Float64Array; b: Float64Array };
/** A host-side "classic mistake" variant: one in-place step over the learner's Hyper. */
export type VariantStep = (x: Float64Array, g: Float64Array, s: VariantState, hp: Hyper) => void;

const num = (hp: Hyper, name: string): number => hp[name] ?? Number.NaN;

function sgdVariant(id: DiagnosisId): VariantStep | null {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const mu = num(hp, "momentum");
    for (let i = 0; i < x.length; i++) {
      const old = s.a[i] as number;
      const gi = g[i] as number;
      const v = id === "ema-momentum" ? mu * old + (1 - mu) * gi : mu * old + gi;
      s.a[i] = v;
      const used = id === "old-velocity" ? old : v;
      x[i] = id === "sign-error" ? (x[i] as number) + lr * used : (x[i] as number) - lr * used;
    }
  };
}

function rmspropVariant(id: DiagnosisId): VariantStep | null {
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
      x[i] =
        id === "sign-error" ? (x[i] as number) + (lr * gi) / denom : (x[i] as number) - (lr * gi) / denom;
    }
  };
}

function adamVariant(id: DiagnosisId, decoupled: boolean): VariantStep | null {
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
      const vHat = v / bc2;
      const denom = id === "eps-inside-root" ? Math.sqrt(vHat + eps) : Math.sqrt(vHat) + eps;
      const delta = ((lr / bc1) * m) / denom;
      x[i] = id === "sign-error" ? p + delta : p - delta;
    }
  };
}

function adagradVariant(id: DiagnosisId): VariantStep | null {
  return (x, g, s, hp) => {
    const lr = num(hp, "lr");
    const eps = num(hp, "eps");
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] as number;
      const v = (s.a[i] as number) + gi * gi;
      s.a[i] = v;
      const denom = id === "eps-inside-root" ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
      x[i] =
        id === "sign-error" ? (x[i] as number) + (lr * gi) / denom : (x[i] as number) - (lr * gi) / denom;
    }
  };
}

/** The host-side variant for an optimizer and mistake, or null when it does not apply. */
export function getVariantStep(optimizer: string, id: DiagnosisId): VariantStep | null {
  if (optimizer === "sgd") return sgdVariant(id);
  if (optimizer === "rmsprop") return rmspropVariant(id);
  if (optimizer === "adam") return adamVariant(id, false);
  if (optimizer === "adamw") return adamVariant(id, true);
  if (optimizer === "adagrad") return adagradVariant(id);
  return null;
}

/** Fresh variant state for `dim` parameters. */
export function createVariantState(dim: number): VariantState {
  return { t: 0, a: new Float64Array(dim), b: new Float64Array(dim) };
}
