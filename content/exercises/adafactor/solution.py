"""Adafactor, as torch.optim.Adafactor computes it for one matrix parameter.

Hyper-parameters (eps split in two) and the matrix shape rows × cols:
hp.lr, hp.beta2Decay, hp.eps1, hp.eps2, hp.d, hp.weightDecay, hp.rows, hp.cols.
"""

import math

import numpy as np


def init(params):
    """The step count and one running average per row and per column (sized in the first step:
    the shape is only known from hp)."""
    return {"t": 0, "row_var": None, "col_var": None}


def rms(x):
    """Root mean square of all entries."""
    return np.sqrt(np.mean(x * x))


def step(params, grad, state, hp):
    """One Adafactor step on the row-major rows × cols matrix `params`, in place."""
    rows, cols = hp.rows, hp.cols
    if state["t"] == 0:
        state["row_var"] = np.zeros(rows)
        state["col_var"] = np.zeros(cols)
    state["t"] += 1
    t = state["t"]
    w = t**hp.beta2Decay
    rho = min(hp.lr, 1 / math.sqrt(t))
    alpha = max(hp.eps2, rms(params)) * rho
    params *= 1 - hp.lr * hp.weightDecay
    g = grad.reshape(rows, cols)
    r, c = state["row_var"], state["col_var"]
    r += w * ((g * g).mean(axis=1) - r)
    c += w * ((g * g).mean(axis=0) - c)
    v = np.outer(r, c) / max(r.mean(), hp.eps1)
    u = g / np.sqrt(np.maximum(v, hp.eps1 * hp.eps1))
    params -= (alpha / max(1, rms(u) / hp.d)) * u.ravel()
