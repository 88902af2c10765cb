// Plain JavaScript run inside the isolate BEFORE the learner's code. It captures every built-in it
// uses into closure locals, so a submission that replaces Math, prototypes, String or JSON cannot
// change how results are recorded; the host takes references to `load`/`run` and deletes the
// global before the submission runs. Results leave as copies (arrays, Float64Array), never refs.
export const DRIVER_SOURCE = String.raw`(function () {
  "use strict";
  var F64 = Float64Array;
  var Str = String;
  var freeze = Object.freeze;
  var isArray = Array.isArray;
  var makeObjective = __descentObjectives.makeObjective;
  var CAP = 4096;
  var out = "";
  var full = false;
  function describe(e) {
    var text;
    try {
      if (e !== null && typeof e === "object") text = Str(e.name) + ": " + Str(e.message);
      else text = Str(e);
    } catch (_) {
      text = "an unprintable value was thrown";
    }
    if (typeof text !== "string") text = "an unprintable value was thrown";
    return text.length > 500 ? text.substring(0, 500) + "…" : text;
  }
  function show(value) {
    if (typeof value === "string") return value;
    if (value instanceof F64 || isArray(value)) {
      var s = "[";
      var n = value.length < 20 ? value.length : 20;
      for (var i = 0; i < n; i++) s += (i ? ", " : "") + Str(value[i]);
      return s + (value.length > 20 ? ", … " + Str(value.length - 20) + " more]" : "]");
    }
    return Str(value);
  }
  function write(args) {
    if (full) return;
    var line = "";
    for (var i = 0; i < args.length && line.length < CAP; i++) {
      var s;
      try { s = show(args[i]); } catch (_) { s = "[unprintable]"; }
      line += (i ? " " : "") + s;
    }
    out += line + "\n";
    if (out.length >= CAP) {
      out = out.substring(0, CAP) + "\n[output truncated at 4 KB]\n";
      full = true;
    }
  }
  function take() {
    var text = out;
    out = "";
    full = false;
    return text;
  }
  function log() { write(arguments); }
  globalThis.console = { log: log, info: log, warn: log, error: log, debug: log, trace: log };
  // Learner code needs no WebAssembly, and its memories, tables and modules are outside
  // isolated-vm's memory limit. The grader process runs with --no-expose-wasm so no context has
  // it; removing the namespace here (the only way to reach its constructors) covers a process
  // started without the flag.
  delete globalThis.WebAssembly;
  var init = null;
  var step = null;
  function require(name) {
    throw new Error("require(" + Str(name) + ") is not available: submissions run without modules or I/O");
  }
  function load(factory) {
    var exports = {};
    var module = { exports: exports };
    try {
      factory(exports, module, require);
    } catch (e) {
      return ["runtime-error", describe(e), take()];
    }
    var i, s;
    try {
      i = module.exports.init;
      s = module.exports.step;
    } catch (e) {
      return ["runtime-error", describe(e), take()];
    }
    var missing = "";
    if (typeof i !== "function") missing = "init";
    if (typeof s !== "function") missing += (missing ? " and " : "") + "step";
    if (missing) return ["missing-export", missing, take()];
    init = i;
    step = s;
    return ["ok", "", take()];
  }
  function run(spec) {
    var n = spec.dim;
    var steps = spec.steps;
    var record = spec.record;
    var objective = makeObjective(spec.objective, spec.args, n);
    var x = new F64(n);
    var g = new F64(n);
    for (var i = 0; i < n; i++) x[i] = spec.x0[i];
    var hp = freeze(spec.hp);
    var rec = new F64(record.length * n);
    // With layers, init and step see lists of tensors: views sharing x's and g's memory.
    var xs = x;
    var gs = g;
    if (spec.layers) {
      xs = [];
      gs = [];
      var start = 0;
      for (var l = 0; l < spec.layers.length; l++) {
        xs.push(x.subarray(start, start + spec.layers[l]));
        gs.push(g.subarray(start, start + spec.layers[l]));
        start += spec.layers[l];
      }
      freeze(xs);
      freeze(gs);
    }
    // Mini-batch mode: the data set instead of a gradient (each call returns fresh arrays).
    var data;
    if (spec.minibatch) {
      data = freeze({
        size: objective.examples,
        order: function (epoch) {
          return objective.epochOrder(epoch);
        },
        gradient: function (i, params, out) {
          objective.exampleGradient(i, params, out);
        },
      });
    }
    var state;
    try {
      state = init(xs);
    } catch (e) {
      return ["runtime-error", "init threw " + describe(e), 0, rec, take()];
    }
    var r = 0;
    for (var k = 1; k <= steps; k++) {
      try {
        if (data) for (var z = 0; z < n; z++) g[z] = 0;
        else objective.gradient(x, g, k);
      } catch (e) {
        return ["runtime-error", "computing the gradient before step " + k + " failed: " + describe(e), k, rec, take()];
      }
      try {
        if (data) step(xs, gs, state, hp, data);
        else step(xs, gs, state, hp);
      } catch (e) {
        return ["runtime-error", "step " + k + " threw " + describe(e), k, rec, take()];
      }
      if (k === record[r]) {
        var base = r * n;
        for (var j = 0; j < n; j++) rec[base + j] = x[j];
        r++;
      }
    }
    return ["ok", "", steps, rec, take()];
  }
  globalThis.__descentDriver = { load: load, run: run };
})();`;
