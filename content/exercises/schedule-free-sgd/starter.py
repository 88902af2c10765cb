"""Schedule-free SGD (Defazio et al. 2024), as facebookresearch/schedule_free's reference class.

Hyper-parameters: hp.lr (γ), hp.beta (the interpolation β, the library's momentum) and
hp.weightDecay (λ).
"""

import numpy as np


def init(params):
    """Creates the state from the starting parameters: the step count, z and x."""
    return {"t": 0}


def step(params, grad, state, hp):
    """One schedule-free SGD step; `params` holds y, where `grad` was taken; update it in place."""
    # TODO: the SGD step on z, the running average x (weight 1/t) and the new y between them.
