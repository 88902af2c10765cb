"""RMSprop, as torch.optim.RMSprop computes it.

Hyper-parameters of this exercise (PyTorch names: lr, alpha, eps): hp.lr, hp.alpha, hp.eps.
"""

import numpy as np


def init(params):
    """Creates the state for parameters of this length: anything you need between steps."""
    return {"square_avg": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place: s ← α·s + (1−α)·g², θ ← θ − lr·g/(√s + ε)."""
    # TODO: update state["square_avg"], then params.
