"""SGD with L2 weight decay under a StepLR schedule.

Hyper-parameters: base lr, L2 weight decay λ, StepLR's stepSize and gamma:
hp.lr, hp.weightDecay, hp.stepSize, hp.gamma.
"""


def init(params):
    """Creates the state: at least the number of steps taken so far."""
    return {"t": 0}


def step(params, grad, state, hp):
    """One step of SGD with L2 weight decay at the scheduled rate lr_t (t = 0 for the first step)."""
    # TODO: compute lr_t from state["t"], take the step with weight decay, advance state["t"].
