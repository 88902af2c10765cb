/** Hyper-parameters of this exercise (PyTorch: lr, eps). */
export interface Hyper {
  lr: number;
  eps: number;
}

/** Your optimizer state: anything you need between steps. */
export interface State {
  sum: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return { sum: new Float64Array(params.length) };
}

/** One step, in place: s ← s + g², θ ← θ − lr·g/(√s + ε). */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: update state.sum, then params.
}
