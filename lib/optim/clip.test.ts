import { describe, expect, it } from "vitest";
import { CLIP_EPS, clipGradNorm } from "./clip";

describe("clipGradNorm (torch.nn.utils.clip_grad_norm_, norm_type 2)", () => {
  it("scales every gradient by max_norm / (total + 1e-6) when the total norm is larger", () => {
    const g = Float64Array.from([3, 0, 0, 4]); // two tensors [3, 0] and [0, 4]: total norm 5
    expect(clipGradNorm(g, 1, [2, 2])).toBe(5);
    const coef = 1 / (5 + CLIP_EPS);
    expect(Array.from(g)).toEqual([3 * coef, 0, 0, 4 * coef]);
    // Not exactly max_norm: the 1e-6 leaves the clipped norm a hair below it.
    expect(Math.hypot(...g)).toBeLessThan(1);
    expect(Math.hypot(...g)).toBeCloseTo(1, 6);
  });

  it("uses the norm of all tensors together, not each tensor's own", () => {
    const g = Float64Array.from([0.6, 0.8, 6, 8]); // norms 1 and 10; total √101
    clipGradNorm(g, 2, [2, 2]);
    const coef = 2 / (Math.sqrt(101) + CLIP_EPS);
    expect(g[0]).toBeCloseTo(0.6 * coef, 15);
    expect(g[2]).toBeCloseTo(6 * coef, 14);
    // The first tensor was within bounds on its own, and is still scaled.
    expect(g[0]).toBeLessThan(0.6);
  });

  it("leaves a gradient within the bound unchanged (coefficient clamped to 1)", () => {
    const g = Float64Array.from([0.3, -0.4]);
    expect(clipGradNorm(g, 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(g)).toEqual([0.3, -0.4]);
  });

  it("refuses layers that do not cover the gradient and a negative max_norm", () => {
    expect(() => clipGradNorm(new Float64Array(3), 1, [2])).toThrow(RangeError);
    expect(() => clipGradNorm(new Float64Array(3), -1)).toThrow(RangeError);
  });
});
