"""Gradient descent with a linear warm-up, then a half cosine down to a floor.

Hyper-parameters: base lr, warm-up length W, schedule length T, floor minLr:
hp.lr, hp.warmupSteps, hp.totalSteps, hp.minLr.
"""

import math


def init(params):
    """Creates the state: at least the number of steps taken so far."""
    return {"t": 0}


def step(params, grad, state, hp):
    """One plain gradient step θ ← θ − lr_t·g with the scheduled lr_t (t = 0 for the first step)."""
    # TODO: compute lr_t from state["t"] (math.cos and math.pi are imported for you), take the
    # step, advance state["t"].
