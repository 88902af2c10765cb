"""AdamW: Adam with decoupled weight decay, as torch.optim.AdamW computes it.

Hyper-parameters of this exercise (PyTorch: lr, betas = (beta1, beta2), eps, weight_decay):
hp.lr, hp.beta1, hp.beta2, hp.eps, hp.weightDecay.
"""

import numpy as np


def init(params):
    """Creates the state for parameters of this length: anything you need between steps."""
    return {"t": 0, "m": np.zeros_like(params), "v": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place, decoupled decay first: θ ← θ·(1 − lr·λ), then the Adam step."""
    # TODO: decay params, advance state["t"], update m and v, then params.
