"""AdaGrad, as torch.optim.Adagrad computes it.

Hyper-parameters of this exercise (PyTorch: lr, eps): hp.lr, hp.eps.
"""

import numpy as np


def init(params):
    """Creates the state for parameters of this length: anything you need between steps."""
    return {"sum": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place: s ← s + g², θ ← θ − lr·g/(√s + ε)."""
    # TODO: update state["sum"], then params.
