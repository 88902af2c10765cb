"""Adam, as torch.optim.Adam computes it.

Hyper-parameters of this exercise (PyTorch: lr, betas = (beta1, beta2), eps):
hp.lr, hp.beta1, hp.beta2, hp.eps.
"""

import numpy as np


def init(params):
    """Creates the state for parameters of this length: anything you need between steps."""
    return {"t": 0, "m": np.zeros_like(params), "v": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place, with bias correction and ε outside the square root."""
    # TODO: advance state["t"], update m and v, then params.
