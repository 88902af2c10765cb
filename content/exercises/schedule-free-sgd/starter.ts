/** Hyper-parameters: lr (γ), beta (the interpolation β, the library's momentum) and weightDecay (λ). */
export interface Hyper {
  lr: number;
  beta: number;
  weightDecay: number;
}

/** Your state: the step count, the base sequence z and the average x. */
export interface State {
  t: number;
}

/** Creates the state from the starting parameters. */
export function init(_params: Float64Array): State {
  return { t: 0 };
}

/** One schedule-free SGD step; `params` holds y, where `grad` was taken; update it in place. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: the SGD step on z, the running average x (weight 1/t) and the new y between them.
}
