/** Hyper-parameters: lr (γ), beta (the interpolation β, the library's momentum) and weightDecay (λ). */
export interface Hyper {
  lr: number;
  beta: number;
  weightDecay: number;
}

/** State: the step count, the base sequence z and the average x (both start at the parameters). */
export interface State {
  t: number;
  z: Float64Array;
  x: Float64Array;
}

/** Creates the state from the starting parameters. */
export function init(params: Float64Array): State {
  return { t: 0, z: Float64Array.from(params), x: Float64Array.from(params) };
}

/** One schedule-free SGD step; `params` holds y, where `grad` was taken; update it in place. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  state.t += 1;
  const c = 1 / state.t;
  const { z, x } = state;
  for (let i = 0; i < params.length; i++) {
    const g = grad[i] + hp.weightDecay * params[i];
    z[i] -= hp.lr * g;
    x[i] = x[i] * (1 - c) + c * z[i];
    params[i] = hp.beta * x[i] + (1 - hp.beta) * z[i];
  }
}
