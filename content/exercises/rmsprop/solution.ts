/** Hyper-parameters of this exercise (PyTorch names: lr, alpha, eps). */
export interface Hyper {
  lr: number;
  alpha: number;
  eps: number;
}

/** Optimizer state: the running average of squared gradients. */
export interface State {
  squareAvg: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return { squareAvg: new Float64Array(params.length) };
}

/** One step, in place: s ← α·s + (1−α)·g², θ ← θ − lr·g/(√s + ε). */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  const s = state.squareAvg;
  for (let i = 0; i < params.length; i++) {
    const g = grad[i];
    s[i] = hp.alpha * s[i] + (1 - hp.alpha) * g * g;
    params[i] -= (hp.lr * g) / (Math.sqrt(s[i]) + hp.eps);
  }
}
