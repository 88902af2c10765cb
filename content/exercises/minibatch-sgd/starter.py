"""Mini-batch SGD: shuffle every epoch, step on the mean gradient of each mini-batch.

Hyper-parameters: the learning rate and the mini-batch size B: hp.lr, hp.batchSize.

The data set `data`: data.size is the number of examples; data.order(epoch) is the order in which
to visit the examples during a 0-based epoch (a fresh list each call); data.gradient(i, params, out)
writes the gradient of example i's loss at `params` into the float64 array `out`.
"""

import numpy as np


def init(params):
    """Creates the state: where you are in the data (epoch, position), plus any buffers you need."""
    return {"epoch": 0, "position": 0}


def step(params, grad, state, hp, data):
    """One SGD step on the mean gradient of the next mini-batch; `grad` arrives zeroed."""
    # TODO: take the next batch of this epoch's order (a new order each epoch), average the
    # examples' gradients, step, and remember where you are.
