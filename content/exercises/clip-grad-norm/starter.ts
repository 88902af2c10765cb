/** Hyper-parameters: the learning rate and clip_grad_norm_'s max_norm. */
export interface Hyper {
  lr: number;
  maxNorm: number;
}

/** Plain SGD keeps no state. */
export type State = null;

/** Creates the state. */
export function init(_params: Float64Array[]): State {
  return null;
}

/**
 * `params` and `grads` are lists of tensors (one Float64Array per parameter tensor, in the same
 * order). Clip the gradients, then take a plain SGD step on every tensor, in place.
 */
export function step(params: Float64Array[], grads: Float64Array[], _state: State, hp: Hyper): void {
  // TODO: the norm of all gradients together, the clip coefficient, then θ ← θ − lr·(coefficient·g).
}
