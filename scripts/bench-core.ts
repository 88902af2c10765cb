// Core benchmark: `npm run bench:core`. One optimizer step on 10^6 parameters, ns per parameter
// (median over interleaved reps), against a minimal hand-written Adam loop and a streaming memory floor.
import { cpus } from "node:os";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createOptimizer, type Optimizer, type OptimizerName } from "../lib/optim/index";

const N = 1_000_000;
const WARMUP = 10;
const REPS = Number(process.env.BENCH_REPS ?? 30);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function fillRandom(a: Float64Array, seed: number): Float64Array {
  let s = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 32 - 0.5;
  }
  return a;
}

const params = fillRandom(new Float64Array(N), 1);
const grad = fillRandom(new Float64Array(N), 2);

const CORE: readonly { label: string; name: OptimizerName; hparams: Record<string, unknown> }[] = [
  { label: "adam", name: "adam", hparams: {} },
  { label: "sgd (momentum 0.9)", name: "sgd", hparams: { lr: 0.01, momentum: 0.9 } },
  { label: "rmsprop", name: "rmsprop", hparams: {} },
  { label: "adamw", name: "adamw", hparams: {} },
  { label: "lion", name: "lion", hparams: { lr: 1e-4 } },
];
const optimizers = new Map<string, Optimizer>(
  CORE.map((c) => [c.label, createOptimizer(c.name, N, c.hparams)]),
);

// The baselines run on the very arrays of the core Adam (params, grad, exp_avg, exp_avg_sq): the
// relative placement of large arrays in memory alone moves timings by up to 1.5x on this machine.
const adamState = (optimizers.get("adam") as Optimizer).state();
const m = adamState.exp_avg as Float64Array;
const v = adamState.exp_avg_sq as Float64Array;

/** The memory floor: read params, grad and Adam's two state arrays, write params. */
function streamFloor(): void {
  for (let i = 0; i < N; i++) {
    params[i] = (params[i] as number) + 1e-12 * ((grad[i] as number) + (m[i] as number) + (v[i] as number));
  }
}

/**
 * The minimal Adam step (defaults, no options) of a dozen lines, the yardstick for the core. It takes its
 * arrays as arguments, as any reusable loop must.
 */
function stepMinimalAdam(
  p: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  t: number,
): void {
  const lr = 1e-3;
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const stepSize = lr / (1 - b1 ** t);
  const bc2Sqrt = Math.sqrt(1 - b2 ** t);
  for (let i = 0; i < p.length; i++) {
    const gi = g[i] as number;
    const mi = b1 * (m[i] as number) + (1 - b1) * gi;
    const vi = b2 * (v[i] as number) + (1 - b2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] = (p[i] as number) - (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
  }
}

let tConst = 0;
/**
 * The same loop over module-level constant arrays: V8 then constant-folds the arrays and drops per-access
 * checks (e.g. "was the buffer detached?"), which no library loop can get. Shown for reference.
 */
function stepMinimalAdamConstArrays(): void {
  tConst += 1;
  const stepSize = 1e-3 / (1 - 0.9 ** tConst);
  const bc2Sqrt = Math.sqrt(1 - 0.999 ** tConst);
  for (let i = 0; i < N; i++) {
    const gi = grad[i] as number;
    const mi = 0.9 * (m[i] as number) + (1 - 0.9) * gi;
    const vi = 0.999 * (v[i] as number) + (1 - 0.999) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    params[i] = (params[i] as number) - (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + 1e-8);
  }
}

let tMin = 0;
const cases: { label: string; run: () => void }[] = [
  { label: "floor: stream 4 arrays", run: streamFloor },
  { label: "minimal Adam loop", run: () => stepMinimalAdam(params, grad, m, v, ++tMin) },
  { label: "minimal Adam, constant arrays", run: stepMinimalAdamConstArrays },
  ...CORE.map((c) => {
    const opt = optimizers.get(c.label) as Optimizer;
    return { label: `core ${c.label}`, run: () => opt.step(params, grad) };
  }),
];

function getMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

for (const c of cases) for (let k = 0; k < WARMUP; k++) c.run();
const samples = new Map<string, number[]>(cases.map((c) => [c.label, []]));
// Interleave the cases so that noise from the shared machine spreads over all of them.
for (let r = 0; r < REPS; r++) {
  for (const c of cases) {
    const t0 = performance.now();
    c.run();
    (samples.get(c.label) as number[]).push(((performance.now() - t0) * 1e6) / N);
  }
}

const median = new Map<string, number>(
  cases.map((c) => [c.label, getMedian(samples.get(c.label) as number[])]),
);
const floorNs = median.get("floor: stream 4 arrays") as number;
const minimalNs = median.get("minimal Adam loop") as number;
console.log(
  `Optimizer core, one step on ${N.toLocaleString("en-US")} float64 parameters, median of ${REPS} reps`,
);
console.log(
  `node ${process.version}, ${process.platform}/${process.arch}, ${cpus()[0]?.model ?? "?"} x${cpus().length}\n`,
);
console.log("| step | ns/param | vs minimal Adam | vs memory floor |");
console.log("|---|---:|---:|---:|");
for (const c of cases) {
  const ns = median.get(c.label) as number;
  console.log(
    `| ${c.label} | ${ns.toFixed(2)} | ${(ns / minimalNs).toFixed(2)}x | ${(ns / floorNs).toFixed(2)}x |`,
  );
}

/** Counts GC events and the retained-heap change over `steps` steps of a small optimizer. */
function measureAllocation(name: OptimizerName, hparams: Record<string, unknown>, steps: number) {
  const dim = 1000;
  const opt = createOptimizer(name, dim, hparams);
  const p = fillRandom(new Float64Array(dim), 3);
  const g = fillRandom(new Float64Array(dim), 4);
  for (let k = 0; k < 5000; k++) opt.step(p, g); // let the JIT optimize step first
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) opt.step(p, g);
  const t1 = performance.now();
  const heapDelta = process.memoryUsage().heapUsed - before;
  return { t0, t1, heapDelta };
}

const gcTimes: number[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcTimes.push(e.startTime);
});
observer.observe({ entryTypes: ["gc"] });
const STEPS = 100_000;
const allocations = CORE.map((c) => ({ label: c.label, ...measureAllocation(c.name, c.hparams, STEPS) }));
await new Promise((resolve) => setTimeout(resolve, 50));
observer.disconnect();
console.log(`\nAllocation check: ${STEPS.toLocaleString("en-US")} steps at dim 1000 after warm-up`);
console.log("| step | heapUsed growth | per step | GC events during the steps |");
console.log("|---|---:|---:|---:|");
let allocating = 0;
for (const a of allocations) {
  const events = gcTimes.filter((t) => t >= a.t0 && t <= a.t1).length;
  const perStep = a.heapDelta / STEPS;
  // One boxed double is 16 bytes: anything allocated per step shows as >= 16 bytes/step or as GCs.
  if (events > 0 || perStep >= 8) allocating += 1;
  console.log(`| core ${a.label} | ${a.heapDelta} B | ${perStep.toFixed(2)} B | ${events} |`);
}
console.log(allocating === 0 ? "\nNo step allocates." : `\n${allocating} optimizer(s) allocate inside step.`);
