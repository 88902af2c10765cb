/** Hyper-parameters: base lr, L2 weight decay λ, StepLR's stepSize and gamma. */
export interface Hyper {
  lr: number;
  weightDecay: number;
  stepSize: number;
  gamma: number;
}

/** State: the number of steps taken so far. */
export interface State {
  t: number;
}

/** Creates the state. */
export function init(_params: Float64Array): State {
  return { t: 0 };
}

/** θ ← θ − lr_t·(g + λθ) with lr_t = lr·γ^⌊t/stepSize⌋ (t = 0 for the first step). */
export function step(params: Float64Array, grad: Float64Array, state: State, hp: Hyper): void {
  const lr = hp.lr * hp.gamma ** Math.floor(state.t / hp.stepSize);
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    params[i] = p - lr * (grad[i] + hp.weightDecay * p);
  }
  state.t += 1;
}
