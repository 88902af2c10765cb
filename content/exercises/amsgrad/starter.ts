/** Hyper-parameters of this exercise (PyTorch: lr, betas = [beta1, beta2], eps). */
export interface Hyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/** Your optimizer state: anything you need between steps. */
export interface State {
  t: number;
  m: Float64Array;
  v: Float64Array;
  vMax: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return {
    t: 0,
    m: new Float64Array(params.length),
    v: new Float64Array(params.length),
    vMax: new Float64Array(params.length),
  };
}

/** One step, in place, like Adam but dividing by the running maximum of v. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: advance state.t, update m and v, then params.
}
