/** Hyper-parameters: base lr, warm-up length W, schedule length T, floor minLr. */
export interface Hyper {
  lr: number;
  warmupSteps: number;
  totalSteps: number;
  minLr: number;
}

/** Your state: at least the number of steps taken so far. */
export interface State {
  t: number;
}

/** Creates the state. */
export function init(_params: Float64Array): State {
  return { t: 0 };
}

/** One plain gradient step θ ← θ − lr_t·g with the scheduled lr_t (t = 0 for the first step). */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: compute lr_t from state.t, take the step, advance state.t.
}
