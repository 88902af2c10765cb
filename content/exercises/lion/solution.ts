/** Hyper-parameters of this exercise (lr, betas = [beta1, beta2]). */
export interface Hyper {
  lr: number;
  beta1: number;
  beta2: number;
}

/** Optimizer state: the momentum m. */
export interface State {
  m: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return { m: new Float64Array(params.length) };
}

/** One step, in place: c = β1·m + (1−β1)·g, θ ← θ − lr·sign(c), m ← β2·m + (1−β2)·g. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  for (let i = 0; i < params.length; i++) {
    const g = grad[i];
    const m = state.m[i];
    const c = hp.beta1 * m + (1 - hp.beta1) * g;
    params[i] -= hp.lr * Math.sign(c);
    state.m[i] = hp.beta2 * m + (1 - hp.beta2) * g;
  }
}
