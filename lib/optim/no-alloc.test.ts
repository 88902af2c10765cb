// "step must not allocate": after warm-up, many steps must neither trigger a GC nor grow the heap.
import { PerformanceObserver } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { createObjective } from "../objectives/index";
import { createOptimizer } from "./registry";
import type { OptimizerName } from "./types";

const CONFIGS: [OptimizerName, Record<string, unknown>][] = [
  ["sgd", { lr: 0.01 }],
  ["sgd", { lr: 0.01, momentum: 0.9, nesterov: true, weight_decay: 0.1, maximize: true }],
  ["rmsprop", {}],
  ["rmsprop", { centered: true, momentum: 0.5, weight_decay: 0.1 }],
  ["adam", {}],
  ["adam", { amsgrad: true, weight_decay: 0.1, maximize: true }],
  ["adamw", {}],
  ["adagrad", { lr_decay: 0.01 }],
  ["nadam", { weight_decay: 0.1 }],
  ["radam", {}],
  ["adamax", {}],
  ["adadelta", {}],
  ["lion", { lr: 1e-4, weight_decay: 0.1 }],
  ["lamb", { weight_decay: 0.01 }],
  ["adafactor", {}],
  ["muon", { shape: [2, 4], weight_decay: 0.1 }],
  ["sgd_schedulefree", { lr: 0.01, weight_decay: 0.1, warmup_steps: 10 }],
  ["adamw_schedulefree", { weight_decay: 0.1 }],
];

const STEPS = 200_000;

/** Counts GC events and heap growth over `run` (bytes per iteration). */
async function measure(run: () => void): Promise<{ gcEvents: number; bytesPerStep: number }> {
  const starts: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) starts.push(e.startTime);
  });
  observer.observe({ entryTypes: ["gc"] });
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  run();
  const t1 = performance.now();
  const after = process.memoryUsage().heapUsed;
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return {
    gcEvents: starts.filter((t) => t >= t0 && t <= t1).length,
    bytesPerStep: (after - before) / STEPS,
  };
}

describe("no allocation in hot paths", () => {
  it.each(CONFIGS)("%s %j step allocates nothing", async (name, hparams) => {
    const dim = 8;
    const opt = createOptimizer(name, dim, hparams);
    const x = Float64Array.from({ length: dim }, (_, i) => 0.1 * (i + 1));
    const g = Float64Array.from({ length: dim }, (_, i) => (i % 2 === 0 ? 1e-3 : -2e-3));
    const loop = (n: number) => {
      for (let k = 0; k < n; k++) opt.step(x, g);
    };
    loop(20_000); // let the JIT optimize step
    const { gcEvents, bytesPerStep } = await measure(() => loop(STEPS));
    // One boxed double per step would be 16 bytes/step (3.2 MB here) and trigger scavenges.
    expect(gcEvents).toBe(0);
    expect(bytesPerStep).toBeLessThan(4);
  });

  it.each(["quadratic", "rosenbrock", "rastrigin", "logreg"] as const)(
    "%s gradient allocates nothing",
    async (name) => {
      const data = {
        X: [
          [1, 2, 1],
          [0.5, -1, 1],
          [2, 0, 1],
        ],
        y: [1, 0, 1],
        batches: [[0, 1], [2]],
      };
      const objective = createObjective(name, {}, name === "logreg" ? { data } : {});
      const x = Float64Array.of(0.3, -0.2, 0.1);
      const out = new Float64Array(3);
      const loop = (n: number) => {
        for (let k = 1; k <= n; k++) objective.gradient(x, out, k);
      };
      loop(20_000);
      const { gcEvents, bytesPerStep } = await measure(() => loop(STEPS));
      expect(gcEvents).toBe(0);
      expect(bytesPerStep).toBeLessThan(4);
    },
  );
});
