"""Lion (Chen et al. 2023): the sign of an interpolated momentum.

Hyper-parameters of this exercise (lr, betas = (beta1, beta2)): hp.lr, hp.beta1, hp.beta2.
"""

import numpy as np


def init(params):
    """Creates the state for parameters of this length: anything you need between steps."""
    return {"m": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place: c = β1·m + (1−β1)·g, θ ← θ − lr·sign(c), m ← β2·m + (1−β2)·g."""
    # TODO: compute c, move params by its sign, then update state["m"].
