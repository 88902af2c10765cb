/** Hyper-parameters of this exercise (PyTorch: lr, betas = [beta1, beta2], eps). */
export interface Hyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/** Optimizer state: step count and the two moment estimates. */
export interface State {
  t: number;
  m: Float64Array;
  v: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return { t: 0, m: new Float64Array(params.length), v: new Float64Array(params.length) };
}

/** One step, in place, with bias correction and ε outside the square root. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  state.t += 1;
  const bc1 = 1 - hp.beta1 ** state.t;
  const bc2 = 1 - hp.beta2 ** state.t;
  for (let i = 0; i < params.length; i++) {
    const g = grad[i];
    const m = hp.beta1 * state.m[i] + (1 - hp.beta1) * g;
    const v = hp.beta2 * state.v[i] + (1 - hp.beta2) * g * g;
    state.m[i] = m;
    state.v[i] = v;
    params[i] -= ((hp.lr / bc1) * m) / (Math.sqrt(v) / Math.sqrt(bc2) + hp.eps);
  }
}
