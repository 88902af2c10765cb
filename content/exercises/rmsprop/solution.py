"""RMSprop, as torch.optim.RMSprop computes it: s ← α·s + (1−α)·g², θ ← θ − lr·g/(√s + ε)."""

import numpy as np


def init(params):
    """The running average of squared gradients, one entry per parameter."""
    return {"square_avg": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place."""
    square_avg = state["square_avg"]
    square_avg *= hp.alpha
    square_avg += (1 - hp.alpha) * grad * grad
    params -= hp.lr * grad / (np.sqrt(square_avg) + hp.eps)
