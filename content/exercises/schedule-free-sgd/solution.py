"""Schedule-free SGD (Defazio et al. 2024), as facebookresearch/schedule_free's reference class.

Hyper-parameters: hp.lr (γ), hp.beta (the interpolation β, the library's momentum) and
hp.weightDecay (λ).
"""

import numpy as np


def init(params):
    """The step count, the base sequence z and the average x, both starting at the parameters."""
    return {"t": 0, "z": params.copy(), "x": params.copy()}


def step(params, grad, state, hp):
    """One schedule-free SGD step; `params` holds y, where `grad` was taken; update it in place."""
    state["t"] += 1
    c = 1 / state["t"]
    z, x = state["z"], state["x"]
    z -= hp.lr * (grad + hp.weightDecay * params)
    x *= 1 - c
    x += c * z
    params[:] = hp.beta * x + (1 - hp.beta) * z
