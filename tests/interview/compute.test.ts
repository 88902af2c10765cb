import { describe, expect, it } from "vitest";
import { COMPUTE_NAMES } from "@/lib/content/interview-schema";
import { ComputeArgsError, computeExpected } from "@/lib/interview/compute";

const cases: Array<[Parameters<typeof computeExpected>[0], number]> = [
  // Adam's first step is −lr·g/(|g| + eps·…): about −lr·sign(g) whatever the gradient's size.
  [{ name: "adam-first-step", args: { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, grad: 0.5 } }, -0.001],
  [{ name: "adam-step", args: { lr: 0.1, beta1: 0.9, beta2: 0.999, grads: [1, 1, 1] } }, -0.1],
  [{ name: "bias-correction", args: { beta: 0.9, t: 1 } }, 0.1],
  [{ name: "bias-correction", args: { beta: 0.999, t: 10 } }, 1 - 0.999 ** 10],
  [{ name: "ema-window", args: { beta: 0.99 } }, 100],
  [{ name: "sgd-step", args: { lr: 0.1, grad: 2 } }, -0.2],
  [{ name: "momentum-steady-step", args: { lr: 0.1, momentum: 0.9, grad: 1 } }, -1],
  [{ name: "max-stable-lr-quadratic", args: { curvature: 10 } }, 0.2],
  [{ name: "optimal-lr-quadratic", args: { mu: 1, L: 9 } }, 0.2],
  [{ name: "heavy-ball-optimal-momentum", args: { mu: 1, L: 9 } }, 0.25],
  [{ name: "linear-scaling-lr", args: { lr: 0.1, batch: 256, newBatch: 1024 } }, 0.4],
  [{ name: "sqrt-scaling-lr", args: { lr: 0.1, batch: 256, newBatch: 1024 } }, 0.2],
  [{ name: "optimizer-state-bytes", args: { optimizer: "adam", params: 1e9, bytesPerValue: 4 } }, 8e9],
  [
    {
      name: "optimizer-state-bytes",
      args: { optimizer: "adafactor-matrix", params: 1e6, bytesPerValue: 4, rows: 1000, cols: 1000 },
    },
    8000,
  ],
  // Warm-up: lr·(t+1)/W; at the end of the decay, minLr.
  [{ name: "warmup-cosine-lr", args: { lr: 1, warmup: 10, total: 110, step: 4 } }, 0.5],
  [{ name: "warmup-cosine-lr", args: { lr: 1, warmup: 10, total: 110, step: 60 } }, 0.5],
  [{ name: "warmup-cosine-lr", args: { lr: 1, warmup: 10, total: 110, step: 110, minLr: 0.1 } }, 0.1],
  [{ name: "step-decay-lr", args: { lr: 0.1, gamma: 0.1, stepSize: 30, step: 65 } }, 0.001],
];

describe("the computations of numeric items", () => {
  it.each(cases)("%j → %d", (spec, expected) => {
    expect(computeExpected(spec)).toBeCloseTo(expected, 6);
  });

  it("has a case for every computation name", () => {
    expect(new Set(cases.map(([spec]) => spec.name))).toEqual(new Set(COMPUTE_NAMES));
  });

  it("names the bad argument", () => {
    expect(() => computeExpected({ name: "ema-window", args: { beta: 1 } })).toThrow(ComputeArgsError);
    expect(() => computeExpected({ name: "ema-window", args: { beta: 1 } })).toThrow(/args.beta/);
    expect(() => computeExpected({ name: "sgd-step", args: { lr: 0.1 } })).toThrow(/args.grad/);
    expect(() => computeExpected({ name: "sgd-step", args: { lr: 0.1, grad: 1, extra: 2 } })).toThrow(
      ComputeArgsError,
    );
    expect(() =>
      computeExpected({
        name: "optimizer-state-bytes",
        args: { optimizer: "adafactor-matrix", params: 1, bytesPerValue: 4 },
      }),
    ).toThrow(/rows and cols/);
  });
});
