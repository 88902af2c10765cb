/** Hyper-parameters: base lr, warm-up length W, schedule length T, floor minLr. */
export interface Hyper {
  lr: number;
  warmupSteps: number;
  totalSteps: number;
  minLr: number;
}

/** State: the number of steps taken so far. */
export interface State {
  t: number;
}

/** Creates the state. */
export function init(_params: Float64Array): State {
  return { t: 0 };
}

function getLr(t: number, hp: Hyper): number {
  if (t < hp.warmupSteps) return (hp.lr * (t + 1)) / hp.warmupSteps;
  const progress = Math.min(1, (t - hp.warmupSteps) / (hp.totalSteps - hp.warmupSteps));
  return hp.minLr + (hp.lr - hp.minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
}

/** One plain gradient step θ ← θ − lr_t·g with the scheduled lr_t (t = 0 for the first step). */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  const lr = getLr(state.t, hp);
  for (let i = 0; i < params.length; i++) params[i] -= lr * grad[i];
  state.t += 1;
}
