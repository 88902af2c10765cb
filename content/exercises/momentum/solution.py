"""SGD with momentum, as torch.optim.SGD(momentum=μ) computes it: v ← μ·v + g, θ ← θ − lr·v."""

import numpy as np


def init(params):
    """The velocity buffer, one entry per parameter."""
    return {"velocity": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place."""
    velocity = state["velocity"]
    velocity *= hp.momentum
    velocity += grad
    params -= hp.lr * velocity
