import { describe, expect, test } from "vitest";
import { createRandom } from "@/lib/random";
import { computeEma, createNoisySignal, getEffectiveWindow } from "./signal";

describe("createRandom", () => {
  test("is deterministic per seed and uniform in [0, 1)", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(createRandom(43)()).not.toBe(createRandom(42)());
  });
});

test("createNoisySignal is reproducible and centred near 10", () => {
  const s = createNoisySignal(500, 7);
  expect(Array.from(s)).toEqual(Array.from(createNoisySignal(500, 7)));
  expect(s.reduce((acc, x) => acc + x, 0) / s.length).toBeGreaterThan(9);
  expect(Array.from(s).every(Number.isFinite)).toBe(true);
});

describe("computeEma", () => {
  test("follows v_t = β v_{t−1} + (1 − β) x_t from zero", () => {
    const ema = computeEma([1, 1, 1], 0.5, false);
    expect(Array.from(ema)).toEqual([0.5, 0.75, 0.875]);
  });

  test("bias correction recovers a constant signal exactly from the first step", () => {
    const ema = computeEma([3, 3, 3, 3], 0.9, true);
    for (const v of ema) expect(v).toBeCloseTo(3, 12);
  });

  test("β = 0 is the signal itself", () => {
    expect(Array.from(computeEma([1, 2, 3], 0, true))).toEqual([1, 2, 3]);
  });
});

test("getEffectiveWindow", () => {
  expect(getEffectiveWindow(0.9)).toBeCloseTo(10, 12);
  expect(getEffectiveWindow(0)).toBe(1);
  expect(getEffectiveWindow(1)).toBe(Number.POSITIVE_INFINITY);
});
