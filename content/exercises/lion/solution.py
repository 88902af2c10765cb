"""Lion (Chen et al. 2023): c = β1·m + (1−β1)·g, θ ← θ − lr·sign(c), m ← β2·m + (1−β2)·g.

Hyper-parameters (lr, betas = (beta1, beta2)): hp.lr, hp.beta1, hp.beta2.
"""

import numpy as np


def init(params):
    """The momentum m, one entry per parameter."""
    return {"m": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place: c = β1·m + (1−β1)·g, θ ← θ − lr·sign(c), m ← β2·m + (1−β2)·g."""
    m = state["m"]
    c = hp.beta1 * m + (1 - hp.beta1) * grad
    params -= hp.lr * np.sign(c)
    m *= hp.beta2
    m += (1 - hp.beta2) * grad
