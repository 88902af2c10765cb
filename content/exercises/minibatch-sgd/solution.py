"""Mini-batch SGD: shuffle every epoch, step on the mean gradient of each mini-batch.

Hyper-parameters: hp.lr, hp.batchSize. The data set: data.size, data.order(epoch),
data.gradient(i, params, out).
"""

import numpy as np


def init(params):
    """Where the loader is (epoch, position in that epoch's order) and a scratch buffer."""
    return {"epoch": 0, "position": 0, "order": None, "one": np.zeros_like(params)}


def step(params, grad, state, hp, data):
    """One SGD step on the mean gradient of the next mini-batch; `grad` arrives zeroed."""
    if state["order"] is None:
        state["order"] = data.order(0)
    if state["position"] >= data.size:
        state["epoch"] += 1
        state["order"] = data.order(state["epoch"])
        state["position"] = 0
    start = state["position"]
    end = min(start + hp.batchSize, data.size)
    one = state["one"]
    for i in state["order"][start:end]:
        data.gradient(i, params, one)
        grad += one
    params -= hp.lr * grad / (end - start)
    state["position"] = end
