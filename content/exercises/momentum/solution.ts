/** Hyper-parameters of this exercise (PyTorch names: lr, momentum). */
export interface Hyper {
  lr: number;
  momentum: number;
}

/** Optimizer state: the velocity buffer. */
export interface State {
  velocity: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return { velocity: new Float64Array(params.length) };
}

/** One step, in place: v ← μ·v + g, θ ← θ − lr·v. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  const v = state.velocity;
  for (let i = 0; i < params.length; i++) {
    v[i] = hp.momentum * v[i] + grad[i];
    params[i] -= hp.lr * v[i];
  }
}
