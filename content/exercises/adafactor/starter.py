"""Adafactor, as torch.optim.Adafactor computes it for one matrix parameter.

Hyper-parameters (torch.optim.Adafactor's, eps split in two) and the matrix shape rows × cols:
hp.lr, hp.beta2Decay, hp.eps1, hp.eps2, hp.d, hp.weightDecay, hp.rows, hp.cols.
"""

import numpy as np


def init(params):
    """Creates the state: the step count and one running average per row and one per column."""
    return {"t": 0}


def step(params, grad, state, hp):
    """One Adafactor step on the row-major rows × cols matrix `params` (a flat array), in place.

    params.reshape(hp.rows, hp.cols) is a view: writing into it writes into params.
    """
    # TODO: relative step size, weight decay, row and column averages of g², the factored V̂,
    # the update and its clipping.
