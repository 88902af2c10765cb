/** Hyper-parameters: lr, Adam's betas and eps, weight decay λ. */
export interface Hyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

/** State: the step count and Adam's moments, one pair of buffers per layer. */
export interface State {
  t: number;
  m: Float64Array[];
  v: Float64Array[];
}

/** Creates the state. */
export function init(params: Float64Array[]): State {
  return {
    t: 0,
    m: params.map((p) => new Float64Array(p.length)),
    v: params.map((p) => new Float64Array(p.length)),
  };
}

/** One LAMB step: the Adam update u plus λθ, scaled per layer by the trust ratio ‖θ‖/‖u‖. */
export function step(params: Float64Array[], grads: Float64Array[], state: State, hp: Hyper): void {
  state.t += 1;
  const bc1 = 1 - hp.beta1 ** state.t;
  const bc2 = 1 - hp.beta2 ** state.t;
  params.forEach((p, l) => {
    const g = grads[l];
    const m = state.m[l];
    const v = state.v[l];
    const u = new Float64Array(p.length);
    let paramSq = 0;
    let updateSq = 0;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      m[i] = hp.beta1 * m[i] + (1 - hp.beta1) * gi;
      v[i] = hp.beta2 * v[i] + (1 - hp.beta2) * gi * gi;
      const ui = m[i] / bc1 / (Math.sqrt(v[i] / bc2) + hp.eps) + hp.weightDecay * p[i];
      u[i] = ui;
      paramSq += p[i] ** 2;
      updateSq += ui * ui;
    }
    const paramNorm = Math.sqrt(paramSq);
    const updateNorm = Math.sqrt(updateSq);
    const ratio = paramNorm > 0 && updateNorm > 0 ? paramNorm / updateNorm : 1;
    for (let i = 0; i < p.length; i++) p[i] -= hp.lr * ratio * u[i];
  });
}
