"""AdaGrad, as torch.optim.Adagrad computes it: s ← s + g², θ ← θ − lr·g/(√s + ε).

Hyper-parameters (PyTorch: lr, eps): hp.lr, hp.eps.
"""

import numpy as np


def init(params):
    """The running sum of squared gradients, one entry per parameter."""
    return {"sum": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place: s ← s + g², θ ← θ − lr·g/(√s + ε)."""
    s = state["sum"]
    s += grad * grad
    params -= hp.lr * grad / (np.sqrt(s) + hp.eps)
