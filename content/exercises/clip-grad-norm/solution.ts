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

/** Clips the gradients by their global 2-norm (PyTorch's clip_grad_norm_), then θ ← θ − lr·g per tensor. */
export function step(params: Float64Array[], grads: Float64Array[], _state: State, hp: Hyper): void {
  let sumOfSquares = 0;
  for (const g of grads) for (let i = 0; i < g.length; i++) sumOfSquares += g[i] ** 2;
  const total = Math.sqrt(sumOfSquares);
  const coef = Math.min(1, hp.maxNorm / (total + 1e-6));
  params.forEach((p, k) => {
    const g = grads[k];
    for (let i = 0; i < p.length; i++) p[i] -= hp.lr * coef * g[i];
  });
}
