"""LAMB (You et al. 2019): Adam's direction with a per-layer trust ratio.

Hyper-parameters: lr, Adam's betas and eps, weight decay λ:
hp.lr, hp.beta1, hp.beta2, hp.eps, hp.weightDecay.
"""

import numpy as np


def init(params):
    """Creates the state; `params` is a list of layers (1-D float64 arrays).

    Your state: the step count and Adam's moments (one pair of buffers per layer).
    """
    return {"t": 0}


def step(params, grads, state, hp):
    """One LAMB step on every layer, in place (`grads` is the list of the layers' gradients)."""
    # TODO: Adam's bias-corrected update plus λθ, then a trust ratio per layer.
