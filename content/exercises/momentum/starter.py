"""SGD with momentum, as torch.optim.SGD(momentum=μ) computes it.

Hyper-parameters of this exercise (PyTorch names: lr, momentum): hp.lr, hp.momentum.
"""

import numpy as np


def init(params):
    """Creates the state for parameters of this length: anything you need between steps."""
    return {"velocity": np.zeros_like(params)}


def step(params, grad, state, hp):
    """One step, in place: v ← μ·v + g, θ ← θ − lr·v."""
    # TODO: update state["velocity"], then params.
