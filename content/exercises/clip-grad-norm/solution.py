"""torch.nn.utils.clip_grad_norm_ (2-norm over all tensors together), then a plain SGD step.

Hyper-parameters: hp.lr and clip_grad_norm_'s hp.maxNorm.
"""

import numpy as np


def init(params):
    """Plain SGD keeps no state."""
    return None


def step(params, grads, state, hp):
    """Clips the gradients by their global 2-norm, then θ ← θ − lr·g per tensor, in place."""
    total = np.sqrt(sum(np.dot(g, g) for g in grads))
    coef = min(1.0, hp.maxNorm / (total + 1e-6))
    for p, g in zip(params, grads):
        p -= hp.lr * coef * g
