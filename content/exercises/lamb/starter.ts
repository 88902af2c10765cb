/** Hyper-parameters: lr, Adam's betas and eps, weight decay λ. */
export interface Hyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

/** Your state: the step count and Adam's moments (one pair of buffers per layer). */
export interface State {
  t: number;
}

/** Creates the state; `params` is a list of layers. */
export function init(_params: Float64Array[]): State {
  return { t: 0 };
}

/** One LAMB step on every layer, in place. */
export function step(params: Float64Array[], grads: Float64Array[], state: State, hp: Hyper): void {
  // TODO: Adam's bias-corrected update plus λθ, then a trust ratio per layer.
}
