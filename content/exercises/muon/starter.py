"""Muon, as Keller Jordan's muon.py computes it for one matrix parameter (in float64).

Hyper-parameters (muon.py's Muon: lr, momentum, weight_decay) and the matrix shape rows × cols:
hp.lr, hp.momentum, hp.weightDecay, hp.rows, hp.cols.
"""

import numpy as np


def init(params):
    """Creates the state: the momentum buffer."""
    return {"buf": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One Muon step on the row-major rows × cols matrix `params` (a flat array), in place."""
    # TODO: the momentum average and its Nesterov-style update, five Newton–Schulz steps (transpose
    # a tall matrix, divide by the Frobenius norm + 1e-7), the √max(1, rows/cols) scale, weight decay.
