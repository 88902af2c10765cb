/** Hyper-parameters of this exercise (PyTorch: lr, eps). */
export interface Hyper {
  lr: number;
  eps: number;
}

/** Optimizer state: the running sum of squared gradients. */
export interface State {
  sum: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return { sum: new Float64Array(params.length) };
}

/** One step, in place: s ← s + g², θ ← θ − lr·g/(√s + ε). */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  const s = state.sum;
  for (let i = 0; i < params.length; i++) {
    const g = grad[i];
    s[i] += g * g;
    params[i] -= (hp.lr * g) / (Math.sqrt(s[i]) + hp.eps);
  }
}
