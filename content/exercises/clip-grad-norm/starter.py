"""torch.nn.utils.clip_grad_norm_ before a plain SGD step.

Hyper-parameters: the learning rate and clip_grad_norm_'s max_norm: hp.lr, hp.maxNorm.
"""

import numpy as np


def init(params):
    """Creates the state: plain SGD keeps none."""
    return None


def step(params, grads, state, hp):
    """
    `params` and `grads` are lists of tensors (one 1-D float64 array per parameter tensor, in the
    same order). Clip the gradients, then take a plain SGD step on every tensor, in place.
    """
    # TODO: the norm of all gradients together, the clip coefficient, then θ ← θ − lr·(coefficient·g).
