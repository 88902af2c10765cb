"""LAMB (You et al. 2019): the Adam update u plus λθ, scaled per layer by the trust ratio ‖θ‖/‖u‖.

Hyper-parameters: hp.lr, hp.beta1, hp.beta2, hp.eps, hp.weightDecay.
"""

import numpy as np


def init(params):
    """The step count and Adam's moments, one pair of buffers per layer."""
    return {
        "t": 0,
        "m": [np.zeros_like(p) for p in params],
        "v": [np.zeros_like(p) for p in params],
    }


def step(params, grads, state, hp):
    """One LAMB step: the Adam update u plus λθ, scaled per layer by the trust ratio ‖θ‖/‖u‖."""
    state["t"] += 1
    t = state["t"]
    bias_correction1 = 1 - hp.beta1**t
    bias_correction2 = 1 - hp.beta2**t
    for p, g, m, v in zip(params, grads, state["m"], state["v"]):
        m *= hp.beta1
        m += (1 - hp.beta1) * g
        v *= hp.beta2
        v += (1 - hp.beta2) * g * g
        u = m / bias_correction1 / (np.sqrt(v / bias_correction2) + hp.eps) + hp.weightDecay * p
        param_norm = np.linalg.norm(p)
        update_norm = np.linalg.norm(u)
        ratio = param_norm / update_norm if param_norm > 0 and update_norm > 0 else 1.0
        p -= hp.lr * ratio * u
