/** Hyper-parameters (torch.optim.Adafactor's, eps split in two) and the matrix shape rows × cols. */
export interface Hyper {
  lr: number;
  beta2Decay: number;
  eps1: number;
  eps2: number;
  d: number;
  weightDecay: number;
  rows: number;
  cols: number;
}

/** State: the step count and one running average per row and per column. */
export interface State {
  t: number;
  rowVar: Float64Array;
  colVar: Float64Array;
}

/** Creates the state (the shape is only known from hp, so the buffers are sized in the first step). */
export function init(_params: Float64Array): State {
  return { t: 0, rowVar: new Float64Array(0), colVar: new Float64Array(0) };
}

function rms(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] ** 2;
  return Math.sqrt(s / v.length);
}

/** One Adafactor step on the row-major rows × cols matrix `params`, in place. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  const { rows, cols } = hp;
  if (state.t === 0) {
    state.rowVar = new Float64Array(rows);
    state.colVar = new Float64Array(cols);
  }
  state.t += 1;
  const w = state.t ** hp.beta2Decay;
  const rho = Math.min(hp.lr, 1 / Math.sqrt(state.t));
  const alpha = Math.max(hp.eps2, rms(params)) * rho;
  for (let i = 0; i < params.length; i++) params[i] *= 1 - hp.lr * hp.weightDecay;
  const r = state.rowVar;
  const c = state.colVar;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += grad[i * cols + j] ** 2;
    r[i] += w * (s / cols - r[i]);
  }
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += grad[i * cols + j] ** 2;
    c[j] += w * (s / rows - c[j]);
  }
  let rowSum = 0;
  for (let i = 0; i < rows; i++) rowSum += r[i];
  const meanR = Math.max(rowSum / rows, hp.eps1);
  const u = new Float64Array(params.length);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = (r[i] * c[j]) / meanR;
      u[i * cols + j] = grad[i * cols + j] / Math.sqrt(Math.max(v, hp.eps1 * hp.eps1));
    }
  const denom = Math.max(1, rms(u) / hp.d);
  for (let i = 0; i < params.length; i++) params[i] -= (alpha / denom) * u[i];
}
