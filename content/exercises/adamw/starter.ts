/** Hyper-parameters of this exercise (PyTorch: lr, betas = [beta1, beta2], eps, weight_decay). */
export interface Hyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

/** Your optimizer state: anything you need between steps. */
export interface State {
  t: number;
  m: Float64Array;
  v: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return { t: 0, m: new Float64Array(params.length), v: new Float64Array(params.length) };
}

/** One step, in place, decoupled decay first: θ ← θ·(1 − lr·λ), then the Adam step. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: decay params, advance state.t, update m and v, then params.
}
