import { describe, expect, test } from "vitest";
import { createObjective } from "@/lib/objectives";
import {
  clamp,
  computeValueGrid,
  getContourPaths,
  getDownsampledIndices,
  getLogThresholds,
} from "./plot-math";

describe("computeValueGrid", () => {
  test("samples cell centres with the top row at the largest y", () => {
    const booth = createObjective("booth", {}, { dim: 2 });
    const grid = computeValueGrid(booth, { x: [0, 2], y: [0, 2] }, 2, 2);
    // Cell centres: x ∈ {0.5, 1.5}, y ∈ {1.5 (row 0), 0.5 (row 1)}.
    expect(grid.values[0]).toBe(booth.value(Float64Array.from([0.5, 1.5])));
    expect(grid.values[1]).toBe(booth.value(Float64Array.from([1.5, 1.5])));
    expect(grid.values[2]).toBe(booth.value(Float64Array.from([0.5, 0.5])));
    expect(grid.min).toBe(Math.min(...grid.values));
    expect(grid.max).toBe(Math.max(...grid.values));
  });
});

describe("getLogThresholds", () => {
  test("spans min + 1e-4·range to max, evenly in log(v − min)", () => {
    const t = getLogThresholds(-10, 990, 5);
    expect(t).toHaveLength(5);
    expect(t[0]).toBeCloseTo(-10 + 0.1, 10);
    expect(t[4]).toBeCloseTo(990, 8);
    const logs = t.map((v) => Math.log(v + 10));
    expect((logs[2] as number) - (logs[1] as number)).toBeCloseTo(
      (logs[1] as number) - (logs[0] as number),
      10,
    );
  });

  test("is empty for a flat or non-finite range", () => {
    expect(getLogThresholds(1, 1, 5)).toEqual([]);
    expect(getLogThresholds(0, Number.POSITIVE_INFINITY, 5)).toEqual([]);
  });
});

describe("getContourPaths", () => {
  test("draws closed paths inside the plot area", () => {
    const quad = createObjective("quadratic", { condition: 10 }, { dim: 2 });
    const grid = computeValueGrid(quad, { x: [-2, 2], y: [-2, 2] }, 40, 40);
    const paths = getContourPaths(grid, getLogThresholds(grid.min, grid.max, 8), 200, 100);
    expect(paths.length).toBeGreaterThan(3);
    for (const p of paths) {
      expect(p.d).toMatch(/^M[\d.]+,[\d.]+L/);
      expect(p.d.endsWith("Z")).toBe(true);
      for (const [, xs, ys] of p.d.matchAll(/([\d.]+),([\d.]+)/g)) {
        expect(Number(xs)).toBeLessThanOrEqual(200);
        expect(Number(ys)).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe("getDownsampledIndices", () => {
  test("keeps every index when short enough", () => {
    expect(getDownsampledIndices(4, 10)).toEqual([0, 1, 2, 3]);
    expect(getDownsampledIndices(0, 10)).toEqual([]);
  });

  test("thins evenly and keeps the first and the last", () => {
    const idx = getDownsampledIndices(1001, 11);
    expect(idx).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(getDownsampledIndices(10, 3)).toEqual([0, 5, 9]);
  });
});

test("clamp", () => {
  expect(clamp(5, 0, 1)).toBe(1);
  expect(clamp(-5, 0, 1)).toBe(0);
  expect(clamp(0.5, 0, 1)).toBe(0.5);
});
