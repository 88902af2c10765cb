/** Hyper-parameters: base lr, L2 weight decay λ, StepLR's stepSize and gamma. */
export interface Hyper {
  lr: number;
  weightDecay: number;
  stepSize: number;
  gamma: number;
}

/** Your state: at least the number of steps taken so far. */
export interface State {
  t: number;
}

/** Creates the state. */
export function init(_params: Float64Array): State {
  return { t: 0 };
}

/** One step of SGD with L2 weight decay at the scheduled rate lr_t (t = 0 for the first step). */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: compute lr_t from state.t, take the step with weight decay, advance state.t.
}
