"""AMSGrad, as torch.optim.Adam(amsgrad=True) computes it: Adam divided by the running maximum of v.

Hyper-parameters (PyTorch: lr, betas = (beta1, beta2), eps): hp.lr, hp.beta1, hp.beta2, hp.eps.
"""

import numpy as np


def init(params):
    """Step count, the two moment estimates and the running maximum of v, one entry per parameter."""
    return {
        "t": 0,
        "m": np.zeros_like(params),
        "v": np.zeros_like(params),
        "v_max": np.zeros_like(params),
    }


def step(params, grad, state, hp):
    """One step, in place, like Adam but dividing by the running maximum of v."""
    state["t"] += 1
    t, m, v, v_max = state["t"], state["m"], state["v"], state["v_max"]
    m *= hp.beta1
    m += (1 - hp.beta1) * grad
    v *= hp.beta2
    v += (1 - hp.beta2) * grad * grad
    np.maximum(v_max, v, out=v_max)
    bias_correction1 = 1 - hp.beta1**t
    bias_correction2 = 1 - hp.beta2**t
    params -= (hp.lr / bias_correction1) * m / (np.sqrt(v_max) / np.sqrt(bias_correction2) + hp.eps)
