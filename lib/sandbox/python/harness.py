"""Runs a learner's solution.py on the tests, inside the sandbox (python3 -I -c, after harness_objectives.py).

Input, on fd 0: one JSON object {code, runs: [{spec, data}]}, written by the host (payload.ts).
Every test follows its RunSpec and nothing else: state = init(params), then for k = 1..steps the
gradient at params, step(params, grad, state, hp), and params recorded after each step in record.
Output, on fd 3 only: length-prefixed binary frames (channel.ts parses them). The learner's
prints go to fd 1 and are counted here so the host can tell which test printed what; they are
never parsed. Everything this file uses is bound to locals of main() before the learner's code
runs, so replacing json, print, struct or NumPy functions changes nothing here.
"""


def main():
    import io
    import json
    import linecache
    import math
    import os
    import struct
    import sys
    import traceback
    import types

    import numpy as np

    # Builtins bound as locals too: the learner can reassign builtins.float and the like.
    from builtins import (
        BaseException, Exception, IndexError, MemoryError, TypeError, ValueError, AttributeError,
        SyntaxError, callable, dict, enumerate, exec, compile, float, getattr, id, int, isinstance,
        len, list, min, object, range, repr, set, str, memoryview,
    )

    make_gradient, Data = harness_objectives(np, math)  # noqa: F821 - prepended, harness_objectives.py
    os_write = os.write
    pack = struct.pack
    f64 = np.float64
    zeros = np.zeros
    asarray = np.asarray
    array_equal = np.array_equal
    may_share_memory = np.may_share_memory
    ndarray = np.ndarray
    exit_now = os._exit
    OK, COMPILE_ERROR, RUNTIME_ERROR, MISSING_EXPORT, MEMORY_LIMIT = 0, 1, 2, 3, 5
    FILE = "solution.py"
    MESSAGE_CAP = 2000

    chunks = []
    while True:
        chunk = os.read(0, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    payload = json.loads(b"".join(chunks))
    null = os.open("/dev/null", os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(1, 2)  # one output stream, in the order it was written
    os.closerange(4, 1024)  # nothing but stdin, output and the result channel stays open

    written = [0]  # bytes of learner output through sys.stdout and sys.stderr

    class Output(io.TextIOBase):
        def writable(self):
            return True

        def write(self, text):
            if not isinstance(text, str):
                raise TypeError(f"write() argument must be str, not {type(text).__name__}")
            data = text.encode("utf-8", "backslashreplace")
            written[0] += len(data)
            view = memoryview(data)
            while view:
                view = view[os_write(1, view) :]
            return len(text)

        @property
        def encoding(self):
            return "utf-8"

    sys.stdout = sys.__stdout__ = Output()
    sys.stderr = sys.__stderr__ = Output()

    def send(kind, body):
        frame = pack("<BI", kind, len(body)) + body
        view = memoryview(frame)
        while view:
            view = view[os_write(3, view) :]

    def text(value):
        data = str(value)
        if len(data) > MESSAGE_CAP:
            data = data[:MESSAGE_CAP] + " …"
        return data.encode("utf-8", "backslashreplace")

    def send_load(status, message, line=0, column=0):
        body = pack("<BQII", status, written[0], line, column) + text(message)
        send(1, body)

    def send_end(run, status, steps_run, message, mistakes):
        body = pack("<IBIQ", run, status, steps_run, written[0])
        encoded = text(message)
        body += pack("<I", len(encoded)) + encoded
        for ident, said in mistakes:
            ident_bytes = ident.encode()
            said_bytes = text(said)
            body += pack("<HI", len(ident_bytes), len(said_bytes)) + ident_bytes + said_bytes
        send(3, body)

    def describe(error, header):
        """Python's own report, trimmed to the learner's frames."""
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == FILE]
        lines = traceback.format_exception_only(type(error), error)
        if frames:
            lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames), *lines]
        return (header + "\n" if header else "") + "".join(lines).rstrip()

    def status_of(error):
        return MEMORY_LIMIT if isinstance(error, MemoryError) else RUNTIME_ERROR

    # --- the learner's module -------------------------------------------------------------
    code = payload["code"]
    linecache.cache[FILE] = (len(code), None, code.splitlines(True), FILE)
    try:
        compiled = compile(code, FILE, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        line = getattr(error, "lineno", None) or 0
        column = getattr(error, "offset", None) or 0
        report = "".join(traceback.format_exception_only(type(error), error)).rstrip()
        if line:  # Python's report names the line; the column is said too, for the editor
            report = report.replace(f'File "{FILE}", line {line}', f'File "{FILE}", line {line}, column {column}', 1)
        send_load(COMPILE_ERROR, report, line, column)
        exit_now(0)
    module = types.ModuleType("solution")
    module.__file__ = FILE
    sys.modules["solution"] = module
    try:
        exec(compiled, module.__dict__)
    except BaseException as error:  # noqa: BLE001 - SystemExit and the like are the learner's too
        send_load(status_of(error), describe(error, "Your module raised while loading:"))
        exit_now(0)
    init = module.__dict__.get("init")
    step = module.__dict__.get("step")
    missing = [name for name, f in (("init", init), ("step", step)) if not callable(f)]
    if missing:
        send_load(MISSING_EXPORT, " and ".join(missing))
        exit_now(0)
    send_load(OK, "")

    class Hyper:
        """Read-only hyper-parameters: hp.lr, hp.beta1, …"""

        __slots__ = ("_values",)

        def __init__(self, values):
            object.__setattr__(self, "_values", dict(values))

        def __getattr__(self, name):
            values = object.__getattribute__(self, "_values")
            if name in values:
                return values[name]
            raise AttributeError(f"hp has no {name!r}; it has {', '.join(values)}")

        def __setattr__(self, name, value):
            raise AttributeError("hp is read-only")

        def __repr__(self):
            values = object.__getattribute__(self, "_values")
            return "hp(" + ", ".join(f"{k}={v!r}" for k, v in values.items()) + ")"

    # --- mistakes worth naming, checked on the first step ----------------------------------
    def arrays_in(state):
        """(path, array) for NumPy arrays in the state, a few levels deep."""
        found, seen, queue = [], set(), [("state", state, 0)]
        while queue and len(seen) < 200:
            path, value, depth = queue.pop(0)
            if id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value, ndarray):
                found.append((path, value))
                continue
            if depth >= 3:
                continue
            try:
                if isinstance(value, dict):
                    items = [(f"{path}[{k!r}]", v) for k, v in list(value.items())[:50]]
                elif isinstance(value, (list, tuple)):
                    items = [(f"{path}[{i}]", v) for i, v in enumerate(value[:50])]
                else:
                    attributes = object.__getattribute__(value, "__dict__")
                    items = [(f"{path}.{k}", v) for k, v in list(attributes.items())[:50]]
            except Exception:  # noqa: BLE001 - any object may be state
                continue
            queue.extend((p, v, depth + 1) for p, v in items)
        return found

    def check_dtypes(state, mistakes):
        for path, value in arrays_in(state):
            kind = value.dtype.kind
            if kind in "iub":
                mistakes.append(("integer-array", f"{path} is an integer array ({value.dtype}): values written into it are truncated to integers. Create it with np.zeros_like(params) or np.zeros(n), which are float64."))
            elif kind == "f" and value.dtype.itemsize < 8:
                mistakes.append(("float32-array", f"{path} is a {value.dtype} array: the reference computes in float64."))

    def check_first_step(before, x, g, returned, state, mistakes):
        if array_equal(before, x) and g.any():
            hint = " and returned a value, which is ignored" if returned is not None else ""
            mistakes.append(("params-rebound", f"step() left params unchanged although the gradient was not zero{hint}. `params = params - …` only rebinds the local name; update the array in place: `params -= …` or `params[:] = …`."))
        for path, value in arrays_in(state):
            if may_share_memory(value, g):
                mistakes.append(("grad-reference-kept", f"{path} is the grad array itself, not a copy: grad is overwritten before every step, so it changes with it. Keep grad.copy() to remember a gradient."))
        check_dtypes(state, mistakes)

    # --- the tests -----------------------------------------------------------------------
    def run_one(index, spec, data):
        n, steps, record = spec["dim"], spec["steps"], spec["record"]
        x = asarray(spec["x0"], dtype=f64).copy()
        g = zeros(n, dtype=f64)
        layers = spec.get("layers")
        bounds = []
        if layers:
            start = 0
            for size in layers:
                bounds.append((start, start + size))
                start += size
        gradient = None if spec.get("minibatch") else make_gradient(spec, data)
        batches = Data(data, n) if spec.get("minibatch") else None
        hp = Hyper(spec["hp"])
        mistakes = []

        def views(v):
            return [v[a:b] for a, b in bounds] if bounds else v

        try:
            state = init(views(x))
        except BaseException as error:  # noqa: BLE001
            return status_of(error), 0, describe(error, "init() raised:"), mistakes
        check_dtypes(state, mistakes)
        row = 0
        for k in range(1, steps + 1):
            if batches is not None:
                g.fill(0.0)
            else:
                gradient(x, g)
            before = x.copy() if k == 1 else None
            try:
                if batches is not None:
                    returned = step(views(x), views(g), state, hp, batches)
                else:
                    returned = step(views(x), views(g), state, hp)
            except BaseException as error:  # noqa: BLE001
                return status_of(error), k, describe(error, f"step() raised at step {k}:"), mistakes
            if x.shape != (n,) or x.dtype != f64:
                return RUNTIME_ERROR, k, "step() changed the shape or type of params itself; update its values in place.", mistakes
            if before is not None:
                check_first_step(before, x, g, returned, state, mistakes)
            if row < len(record) and k == record[row]:
                send(2, pack("<II", index, row) + x.tobytes())
                row += 1
        return OK, steps, "", mistakes

    for index, run in enumerate(payload["runs"]):
        try:
            status, steps_run, message, mistakes = run_one(index, run["spec"], run["data"])
        except MemoryError:
            status, steps_run, message, mistakes = MEMORY_LIMIT, 0, "MemoryError", []
        send_end(index, status, steps_run, message, mistakes)
    exit_now(0)


main()
