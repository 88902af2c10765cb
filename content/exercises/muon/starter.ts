/** Hyper-parameters (muon.py's Muon: lr, momentum, weight_decay) and the matrix shape rows × cols. */
export interface Hyper {
  lr: number;
  momentum: number;
  weightDecay: number;
  rows: number;
  cols: number;
}

/** Your state: the momentum buffer. */
export interface State {
  buf: Float64Array;
}

/** Creates the state. */
export function init(params: Float64Array): State {
  return { buf: new Float64Array(params.length) };
}

/** One Muon step on the row-major rows × cols matrix `params`, in place. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  // TODO: the momentum average and its Nesterov-style update, five Newton–Schulz steps (transpose
  // a tall matrix, divide by the Frobenius norm + 1e-7), the √max(1, rows/cols) scale, weight decay.
}
