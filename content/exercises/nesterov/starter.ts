/** Hyper-parameters of this exercise (PyTorch: lr, momentum; nesterov=True). */
export interface Hyper {
  lr: number;
  momentum: number;
}

/** Your optimizer state: anything you need between steps. */
export interface State {
  velocity: Float64Array;
}

/** Creates the state for parameters of this length. */
export function init(params: Float64Array): State {
  return { velocity: new Float64Array(params.length) };
}

/** One step, in place: v ← μ·v + g, θ ← θ − lr·(g + μ·v). */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: update state.velocity, then params.
}
