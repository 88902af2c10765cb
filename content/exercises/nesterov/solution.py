"""Nesterov momentum, as torch.optim.SGD(momentum=μ, nesterov=True) computes it.

Hyper-parameters (PyTorch: lr, momentum; nesterov=True): hp.lr, hp.momentum.
"""

import numpy as np


def init(params):
    """The velocity buffer, one entry per parameter."""
    return {"velocity": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place: v ← μ·v + g, θ ← θ − lr·(g + μ·v)."""
    velocity = state["velocity"]
    velocity *= hp.momentum
    velocity += grad
    params -= hp.lr * (grad + hp.momentum * velocity)
