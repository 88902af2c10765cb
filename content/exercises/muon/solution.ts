/** Hyper-parameters (muon.py's Muon: lr, momentum, weight_decay) and the matrix shape rows × cols. */
export interface Hyper {
  lr: number;
  momentum: number;
  weightDecay: number;
  rows: number;
  cols: number;
}

/** State: the momentum buffer. */
export interface State {
  buf: Float64Array;
}

/** Creates the state. */
export function init(params: Float64Array): State {
  return { buf: new Float64Array(params.length) };
}

const A = 3.4445;
const B = -4.775;
const C = 2.0315;

/** The m × k product of an m × n and an n × k row-major matrix. */
function matmul(x: Float64Array, y: Float64Array, m: number, n: number, k: number): Float64Array {
  const out = new Float64Array(m * k);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < n; l++) s += x[i * n + l] * y[l * k + j];
      out[i * k + j] = s;
    }
  return out;
}

/** The n × m transpose of an m × n row-major matrix. */
function transpose(x: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = x[i * n + j];
  return out;
}

/** muon.py's zeropower_via_newtonschulz5 for a rows × cols matrix g. */
function newtonSchulz5(g: Float64Array, rows: number, cols: number): Float64Array {
  const tall = rows > cols;
  const m = tall ? cols : rows;
  const n = tall ? rows : cols;
  let x = tall ? transpose(g, rows, cols) : Float64Array.from(g);
  let norm = 0;
  for (const v of x) norm += v * v;
  norm = Math.sqrt(norm) + 1e-7;
  for (let i = 0; i < x.length; i++) x[i] = x[i] / norm;
  for (let s = 0; s < 5; s++) {
    const a = matmul(x, transpose(x, m, n), m, n, m);
    const aa = matmul(a, a, m, m, m);
    const b = a.map((v, i) => B * v + C * aa[i]);
    const bx = matmul(b, x, m, m, n);
    x = x.map((v, i) => A * v + bx[i]);
  }
  return tall ? transpose(x, m, n) : x;
}

/** One Muon step on the row-major rows × cols matrix `params`, in place. */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  const mu = hp.momentum;
  const update = new Float64Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const g = grad[i];
    const b = state.buf[i] + (1 - mu) * (g - state.buf[i]);
    state.buf[i] = b;
    update[i] = g + mu * (b - g);
  }
  const o = newtonSchulz5(update, hp.rows, hp.cols);
  const scale = Math.sqrt(Math.max(1, hp.rows / hp.cols));
  for (let i = 0; i < params.length; i++)
    params[i] = params[i] * (1 - hp.lr * hp.weightDecay) - hp.lr * (o[i] * scale);
}
