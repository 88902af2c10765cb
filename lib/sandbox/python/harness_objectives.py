"""NumPy ports of lib/objectives, prepended to harness.py (both travel as one `-c` source).

Each gradient performs the TypeScript operations in the same order, so that the gradients agree to
the last bit, but for Rastrigin's sine (gradients.test.ts checks relative 1e-12 at random points). Seeded data (least-squares
features, labels and epoch orders) and the quadratic's eigenvalues arrive from the host; nothing
random is re-implemented here.
"""


def harness_objectives(np, math):
    """Returns (make_gradient, Data), bound to what they use before any learner code runs."""
    from builtins import IndexError, ValueError, float, int, isinstance, len, list, range

    f64 = np.float64
    asarray = np.asarray
    multiply = np.multiply
    add = np.add
    math_sin = math.sin
    cumsum = np.cumsum
    integer = np.integer

    def make_gradient(spec, data):
        name, args, n = spec["objective"], spec["args"], spec["dim"]
        if name == "quadratic":
            lam = asarray(data["eigenvalues"], dtype=f64)
            return lambda x, g: multiply(lam, x, out=g)
        if name == "rosenbrock":
            a, b = float(args["a"]), float(args["b"])

            def rosenbrock(x, g):
                head = x[:-1]
                u = x[1:] - head * head
                g[0] = 0.0
                g[1:] = 2 * b * u
                g[:-1] = g[:-1] - 2 * (a - head) - 4 * b * head * u

            return rosenbrock
        if name == "rastrigin":
            two_pi = 2 * math.pi
            scale = two_pi * float(args["A"])
            # The C library's sin per element: NumPy's vectorised sin rounds differently from V8's.
            return lambda x, g: add(2 * x, scale * asarray([math_sin(v) for v in (two_pi * x).tolist()]), out=g)
        if name == "styblinski_tang":
            return lambda x, g: add(2 * x * x * x - 16 * x, 2.5, out=g)
        if name == "himmelblau":

            def himmelblau(p, g):
                x, y = float(p[0]), float(p[1])
                u = x * x + y - 11
                v = x + y * y - 7
                g[0] = 4 * x * u + 2 * v
                g[1] = 2 * u + 4 * y * v

            return himmelblau
        if name == "beale":

            def beale(p, g):
                x, y = float(p[0]), float(p[1])
                y2 = y * y
                y3 = y2 * y
                t1 = 1.5 - x + x * y
                t2 = 2.25 - x + x * y2
                t3 = 2.625 - x + x * y3
                g[0] = 2 * t1 * (y - 1) + 2 * t2 * (y2 - 1) + 2 * t3 * (y3 - 1)
                g[1] = 2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y2

            return beale
        if name == "booth":

            def booth(p, g):
                x, y = float(p[0]), float(p[1])
                u = x + 2 * y - 7
                v = 2 * x + y - 5
                g[0] = 2 * u + 4 * v
                g[1] = 4 * u + 2 * v

            return booth
        if name == "least_squares":
            features = asarray(data["features"], dtype=f64).reshape(-1, n)
            labels = asarray(data["labels"], dtype=f64)
            count = len(labels)

            def least_squares(x, g):
                s = -labels  # residuals, summed over j in order like the TypeScript loop
                for j in range(n):
                    s = s + features[:, j] * x[j]
                r = s / count
                g[:] = cumsum(r[:, None] * features, axis=0)[-1]  # sequential sum over examples

            return least_squares
        raise ValueError(f"unknown objective {name}")

    class Data:
        """The mini-batch data set: data.size, data.order(epoch), data.gradient(i, params, out)."""

        __slots__ = ("size", "_orders", "_features", "_labels")

        def __init__(self, data, n):
            self.size = len(data["labels"])
            self._orders = data["orders"]
            self._features = asarray(data["features"], dtype=f64).reshape(-1, n)
            self._labels = [float(v) for v in data["labels"]]

        def order(self, epoch):
            if not (isinstance(epoch, int) and 0 <= epoch < len(self._orders)):
                raise IndexError(f"data.order({epoch!r}): epochs of this test are 0 to {len(self._orders) - 1}")
            return list(self._orders[epoch])

        def gradient(self, i, params, out):
            if not (isinstance(i, (int, integer)) and 0 <= i < self.size):
                raise IndexError(f"data.gradient: example {i!r} is not in 0 to {self.size - 1}")
            row = self._features[i]
            s = -self._labels[i]
            for j in range(len(row)):
                s += float(row[j]) * float(params[j])
            out[:] = s * row

    return make_gradient, Data
