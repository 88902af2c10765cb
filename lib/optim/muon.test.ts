import { describe, expect, it } from "vitest";
import { createNewtonSchulzScratch, NEWTON_SCHULZ_COEFFICIENTS, newtonSchulz5 } from "./muon";
import { createOptimizer, getOptimizerDefaults } from "./registry";

// Muon is not in PyTorch 1.13 (nor in the golden file): these tests check cases worked by hand from
// muon.py (docs/decisions/076). Newton–Schulz maps each singular value s of the normalized matrix to
// φ(s) = as + bs³ + cs⁵ and keeps the singular vectors, so a diagonal matrix stays diagonal.
const [A, B, C] = NEWTON_SCHULZ_COEFFICIENTS;
const phi = (s: number) => A * s + B * s ** 3 + C * s ** 5;
const phi5 = (s: number) => phi(phi(phi(phi(phi(s)))));

function orthogonalize(g: readonly number[], rows: number, cols: number, steps = 5): Float64Array {
  const out = new Float64Array(rows * cols);
  newtonSchulz5(Float64Array.from(g), rows, cols, steps, out, createNewtonSchulzScratch(rows, cols));
  return out;
}

/** Singular values of a 2 × n matrix M from the eigenvalues of the 2 × 2 matrix M Mᵀ. */
function singularValues2xN(m: Float64Array, n: number): [number, number] {
  let p = 0;
  let q = 0;
  let r = 0;
  for (let j = 0; j < n; j++) {
    const u = m[j] as number;
    const v = m[n + j] as number;
    p += u * u;
    q += u * v;
    r += v * v;
  }
  const mean = (p + r) / 2;
  const spread = Math.sqrt(((p - r) / 2) ** 2 + q * q);
  return [Math.sqrt(mean + spread), Math.sqrt(mean - spread)];
}

describe("newtonSchulz5 (muon.py's zeropower_via_newtonschulz5, in float64)", () => {
  it("maps a 2×2 diagonal matrix's entries through φ five times after dividing by the Frobenius norm", () => {
    const out = orthogonalize([3, 0, 0, 4], 2, 2);
    const norm = 5 + 1e-7;
    expect(out[0]).toBeCloseTo(phi5(3 / norm), 14);
    expect(out[3]).toBeCloseTo(phi5(4 / norm), 14);
    expect(out[1]).toBe(0);
    expect(out[2]).toBe(0);
    // By hand: 0.6 → 0.7229 and 0.8 → 1.1192, both near 1 though the input's ratio was 4/3.
    expect(out[0]).toBeCloseTo(0.7229, 4);
    expect(out[3]).toBeCloseTo(1.1192, 4);
  });

  it("lands a 2×3 matrix's singular values (9.51 and 0.77) in [0.7, 1.2] after 5 steps", () => {
    const m = Float64Array.of(1, 2, 3, 4, 5, 6);
    const [s1, s2] = singularValues2xN(m, 3);
    expect(s1 / s2).toBeGreaterThan(12);
    const [o1, o2] = singularValues2xN(orthogonalize(Array.from(m), 2, 3), 3);
    for (const s of [o1, o2]) {
      expect(s).toBeGreaterThanOrEqual(0.7);
      expect(s).toBeLessThanOrEqual(1.2);
    }
  });

  it("transposes a tall matrix: NS(Gᵀ) = NS(G)ᵀ", () => {
    const wide = orthogonalize([1, 2, 3, 4, 5, 6], 2, 3);
    const tall = orthogonalize([1, 4, 2, 5, 3, 6], 3, 2);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) expect(tall[j * 2 + i]).toBeCloseTo(wide[i * 3 + j] as number, 14);
  });

  it("keeps a zero update at zero (the + 1e-7 in the norm)", () => {
    expect(Array.from(orthogonalize([0, 0, 0, 0], 2, 2))).toEqual([0, 0, 0, 0]);
  });
});

describe("muon (Keller Jordan's muon.py)", () => {
  it("has muon.py's defaults", () => {
    expect(getOptimizerDefaults("muon")).toEqual({
      lr: 0.02,
      momentum: 0.95,
      weight_decay: 0,
      nesterov: true,
      ns_steps: 5,
    });
  });

  it("first step: a row vector's update is its direction times φ⁵ of its normalized length", () => {
    const opt = createOptimizer("muon", 2, { lr: 0.1, shape: [1, 2] });
    const x = Float64Array.of(1, 1);
    opt.step(x, Float64Array.of(3, 4));
    // buf = 0.05·g; nesterov U = g + 0.95(buf − g) = 0.0975·g, ‖U‖ = 0.4875; s = ‖U‖/(‖U‖ + 1e-7).
    const buf = opt.state().momentum_buffer as Float64Array;
    expect(buf[0]).toBeCloseTo(0.15, 15);
    expect(buf[1]).toBeCloseTo(0.2, 15);
    const s = phi5(0.4875 / (0.4875 + 1e-7));
    expect(x[0]).toBeCloseTo(1 - 0.1 * s * 0.6, 14);
    expect(x[1]).toBeCloseTo(1 - 0.1 * s * 0.8, 14);
  });

  it("scales a tall matrix's update by √(rows/cols) and applies decoupled weight decay", () => {
    const opt = createOptimizer("muon", 3, { lr: 0.1, weight_decay: 0.5, shape: [3, 1], nesterov: false });
    const x = Float64Array.of(2, 2, 2);
    opt.step(x, Float64Array.of(0, 3, 4));
    // Without nesterov U = buf = 0.05·g, ‖U‖ = 0.25; transposed to 1 × 3, scaled by √3.
    const s = phi5(0.25 / (0.25 + 1e-7)) * Math.sqrt(3);
    expect(x[0]).toBeCloseTo(2 * 0.95, 14);
    expect(x[1]).toBeCloseTo(2 * 0.95 - 0.1 * s * 0.6, 14);
    expect(x[2]).toBeCloseTo(2 * 0.95 - 0.1 * s * 0.8, 14);
  });

  it("second step: the buffer is an average, lerp(buf, g, 1 − μ)", () => {
    const opt = createOptimizer("muon", 4, { shape: [2, 2], momentum: 0.5 });
    const x = new Float64Array(4);
    opt.step(x, Float64Array.of(1, 0, 0, 1));
    opt.step(x, Float64Array.of(3, 0, 0, -1));
    const buf = opt.state().momentum_buffer as Float64Array;
    // buf₁ = 0.5·g₁ = [0.5, 0, 0, 0.5]; buf₂ = buf₁ + 0.5(g₂ − buf₁) = [1.75, 0, 0, −0.25].
    expect(Array.from(buf)).toEqual([1.75, 0, 0, -0.25]);
  });

  it("rejects a shape that does not hold the parameters", () => {
    expect(() => createOptimizer("muon", 6, { shape: [2, 2] })).toThrow(RangeError);
  });
});
