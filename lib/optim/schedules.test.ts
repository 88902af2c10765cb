import { describe, expect, it } from "vitest";
import { OptimizerConfigError } from "../config-error";
import { createSchedule, type ScheduleSpec } from "./schedules";

describe("createSchedule (t = 0 is the first step)", () => {
  it("constant", () => {
    const lr = createSchedule(0.1, { type: "constant" });
    expect([lr(0), lr(1000)]).toEqual([0.1, 0.1]);
  });

  it("step: gamma every stepSize steps", () => {
    const lr = createSchedule(1, { type: "step", stepSize: 10, gamma: 0.5 });
    expect([lr(0), lr(9), lr(10), lr(19), lr(20), lr(35)]).toEqual([1, 1, 0.5, 0.5, 0.25, 0.125]);
  });

  it("exponential: base * gamma^t", () => {
    const lr = createSchedule(2, { type: "exponential", gamma: 0.9 });
    expect(lr(0)).toBe(2);
    expect(lr(3)).toBeCloseTo(2 * 0.729, 15);
  });

  it("cosine: base at 0, midpoint halfway, etaMin from tMax on", () => {
    const lr = createSchedule(1, { type: "cosine", tMax: 100, etaMin: 0.1 });
    expect(lr(0)).toBe(1);
    expect(lr(50)).toBeCloseTo(0.55, 15);
    expect(lr(25)).toBeCloseTo(0.1 + (0.9 * (1 + Math.SQRT1_2)) / 2, 15);
    expect([lr(100), lr(500)]).toEqual([0.1, 0.1]);
  });

  it("linear-warmup: from startFactor (PyTorch default 1/3) to base at warmupSteps", () => {
    const lr = createSchedule(0.3, { type: "linear-warmup", warmupSteps: 4 });
    expect(lr(0)).toBeCloseTo(0.1, 15);
    expect(lr(2)).toBeCloseTo(0.2, 15);
    expect([lr(4), lr(40)]).toEqual([0.3, 0.3]);
    expect(createSchedule(1, { type: "linear-warmup", warmupSteps: 10, startFactor: 0.1 })(5)).toBeCloseTo(
      0.55,
      15,
    );
  });

  it("warmup-cosine: linear ramp to base, then a cosine down to minLr at totalSteps", () => {
    const spec: ScheduleSpec = { type: "warmup-cosine", warmupSteps: 10, totalSteps: 110, minLr: 0.01 };
    const lr = createSchedule(1, spec);
    expect(lr(0)).toBeCloseTo(0.1, 15);
    expect(lr(9)).toBe(1);
    expect(lr(10)).toBe(1);
    expect(lr(60)).toBeCloseTo(0.505, 15);
    expect([lr(110), lr(1000)]).toEqual([0.01, 0.01]);
    const values = Array.from({ length: 120 }, (_, t) => lr(t));
    for (let t = 1; t < 10; t++) expect(values[t]).toBeGreaterThan(values[t - 1] ?? Number.NaN);
    for (let t = 11; t < 120; t++) expect(values[t]).toBeLessThanOrEqual(values[t - 1] ?? Number.NaN);
  });

  const invalid: [unknown, string, string][] = [
    [{ type: "step", stepSize: 0, gamma: 0.5 }, "stepSize", "Invalid stepSize: 0 (must be an integer >= 1)"],
    [{ type: "step", stepSize: 10 }, "gamma", 'Missing gamma (required for schedule "step")'],
    [{ type: "exponential", gamma: 0 }, "gamma", "Invalid gamma: 0 (must be > 0)"],
    [
      { type: "exponential", gama: 0.9, gamma: 0.9 },
      "gama",
      'Unknown parameter "gama" for schedule "exponential"',
    ],
    [{ type: "cosine", tMax: 10, etaMin: -1 }, "etaMin", "Invalid etaMin: -1 (must be >= 0)"],
    [
      { type: "linear-warmup", warmupSteps: 5, startFactor: 0 },
      "startFactor",
      "Invalid startFactor: 0 (must be in (0, 1])",
    ],
    [
      { type: "warmup-cosine", warmupSteps: 10, totalSteps: 10 },
      "totalSteps",
      "Invalid totalSteps: 10 (must be > warmupSteps = 10)",
    ],
    [
      { type: "polynomial" },
      "type",
      'Unknown schedule type "polynomial" (expected one of constant, step, exponential, cosine, linear-warmup, warmup-cosine)',
    ],
  ];
  it.each(invalid)("rejects %j naming %s", (spec, param, message) => {
    let error: unknown;
    try {
      createSchedule(0.1, spec as ScheduleSpec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OptimizerConfigError);
    expect((error as OptimizerConfigError).param).toBe(param);
    expect((error as OptimizerConfigError).message).toBe(message);
  });

  it("rejects a negative base lr and negative step indices", () => {
    expect(() => createSchedule(-1, { type: "constant" })).toThrow(OptimizerConfigError);
    expect(() => createSchedule(1, { type: "constant" })(-1)).toThrow(RangeError);
  });
});
