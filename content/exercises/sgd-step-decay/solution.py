"""SGD with L2 weight decay under StepLR: θ ← θ − lr_t·(g + λθ), lr_t = lr·γ^⌊t/stepSize⌋.

Hyper-parameters: hp.lr, hp.weightDecay, hp.stepSize, hp.gamma.
"""


def init(params):
    """The number of steps taken so far."""
    return {"t": 0}


def step(params, grad, state, hp):
    """θ ← θ − lr_t·(g + λθ) with lr_t = lr·γ^⌊t/stepSize⌋ (t = 0 for the first step)."""
    lr = hp.lr * hp.gamma ** (state["t"] // hp.stepSize)
    params -= lr * (grad + hp.weightDecay * params)
    state["t"] += 1
