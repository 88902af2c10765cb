"""AdamW, as torch.optim.AdamW computes it: θ ← θ·(1 − lr·λ), then the Adam step.

Hyper-parameters (PyTorch: lr, betas = (beta1, beta2), eps, weight_decay):
hp.lr, hp.beta1, hp.beta2, hp.eps, hp.weightDecay.
"""

import numpy as np


def init(params):
    """Step count and the two moment estimates, one entry per parameter."""
    return {"t": 0, "m": np.zeros_like(params), "v": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place, decoupled decay first: θ ← θ·(1 − lr·λ), then the Adam step."""
    state["t"] += 1
    t, m, v = state["t"], state["m"], state["v"]
    params *= 1 - hp.lr * hp.weightDecay
    m *= hp.beta1
    m += (1 - hp.beta1) * grad
    v *= hp.beta2
    v += (1 - hp.beta2) * grad * grad
    bias_correction1 = 1 - hp.beta1**t
    bias_correction2 = 1 - hp.beta2**t
    params -= (hp.lr / bias_correction1) * m / (np.sqrt(v) / np.sqrt(bias_correction2) + hp.eps)
