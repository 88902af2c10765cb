"""Gradient descent with a linear warm-up, then a half cosine from lr down to minLr.

Hyper-parameters: hp.lr, hp.warmupSteps (W), hp.totalSteps (T), hp.minLr.
"""

import math


def init(params):
    """The number of steps taken so far."""
    return {"t": 0}


def get_lr(t, hp):
    """The rate of step t (0-based): lr·(t + 1)/W during the warm-up, then the cosine, held after T."""
    if t < hp.warmupSteps:
        return hp.lr * (t + 1) / hp.warmupSteps
    progress = min(1, (t - hp.warmupSteps) / (hp.totalSteps - hp.warmupSteps))
    return hp.minLr + (hp.lr - hp.minLr) * 0.5 * (1 + math.cos(math.pi * progress))


def step(params, grad, state, hp):
    """One plain gradient step θ ← θ − lr_t·g with the scheduled lr_t (t = 0 for the first step)."""
    params -= get_lr(state["t"], hp) * grad
    state["t"] += 1
