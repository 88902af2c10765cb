"""Muon, as Keller Jordan's muon.py computes it for one matrix parameter (in float64).

Hyper-parameters (muon.py's Muon: lr, momentum, weight_decay) and the matrix shape rows × cols:
hp.lr, hp.momentum, hp.weightDecay, hp.rows, hp.cols.
"""

import numpy as np

A, B, C = 3.4445, -4.7750, 2.0315


def init(params):
    """The momentum buffer."""
    return {"buf": np.zeros_like(params)}


def newton_schulz5(g):
    """muon.py's zeropower_via_newtonschulz5: an approximate U Vᵀ of the SVD g = U S Vᵀ."""
    tall = g.shape[0] > g.shape[1]
    x = g.T if tall else g
    x = x / (np.linalg.norm(x) + 1e-7)
    for _ in range(5):
        a = x @ x.T
        b = B * a + C * (a @ a)
        x = A * x + b @ x
    return x.T if tall else x


def step(params, grad, state, hp):
    """One Muon step on the row-major rows × cols matrix `params`, in place."""
    buf = state["buf"]
    buf += (1 - hp.momentum) * (grad - buf)
    update = grad + hp.momentum * (buf - grad)
    o = newton_schulz5(update.reshape(hp.rows, hp.cols))
    scale = max(1, hp.rows / hp.cols) ** 0.5
    params *= 1 - hp.lr * hp.weightDecay
    params -= hp.lr * (o.ravel() * scale)
