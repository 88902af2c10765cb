// Lesson 7's signal-to-noise reading of Adam (Kingma & Ba 2015, §2.1), checked by simulation with the core:
// for a stationary gradient with mean μ and standard deviation σ, m̂ estimates μ and v̂ estimates μ² + σ², so a
// step is about lr·μ/√(μ² + σ²). With no signal (μ = 0) the steps do not vanish: m̂ averages only about
// 1/(1 − β1) gradients, so it keeps a spread of σ·√((1 − β1)/(1 + β1)) ≈ 0.23σ and the steps stay near 0.23·lr.
import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { createOptimizer } from "./registry";

const STEPS = 40_000;
const BURN_IN = 4_000; // let v̂ forget the start (β2 = 0.999 remembers about 1000 steps)
const random = createRandom(7);
/** A standard normal draw (Box–Muller). */
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Adam at its defaults on independent coordinates whose gradients are μ_i + σ_i·N(0, 1). */
function run(coords: { mu: number; sigma: number }[]) {
  const opt = createOptimizer("adam", coords.length, { lr: 1 });
  const x = new Float64Array(coords.length);
  const g = new Float64Array(coords.length);
  const sum = new Float64Array(coords.length);
  const sumSq = new Float64Array(coords.length);
  for (let t = 1; t <= STEPS; t++) {
    for (const [i, { mu, sigma }] of coords.entries()) g[i] = mu + sigma * normal();
    const before = Float64Array.from(x);
    opt.step(x, g);
    if (t <= BURN_IN) continue;
    for (let i = 0; i < coords.length; i++) {
      const step = (before[i] as number) - (x[i] as number); // along +μ: positive when it descends
      sum[i] = (sum[i] as number) + step;
      sumSq[i] = (sumSq[i] as number) + step * step;
    }
  }
  const n = STEPS - BURN_IN;
  return coords.map((_, i) => ({ mean: (sum[i] as number) / n, rms: Math.sqrt((sumSq[i] as number) / n) }));
}

describe("Adam's step as a signal-to-noise ratio", () => {
  const snr = [Number.POSITIVE_INFINITY, 3, 1, 0.3, 0];
  // Gradient scales differ by 10^6 between coordinates; only the ratio μ/σ matters.
  const coords = snr.map((r, i) => {
    const scale = 10 ** (3 - 1.5 * i);
    return r === Number.POSITIVE_INFINITY ? { mu: scale, sigma: 0 } : { mu: r * scale, sigma: scale };
  });
  const results = run(coords);
  if (process.env.SHOW_SNR) console.log(JSON.stringify(results));

  it("the mean step is about lr·μ/√(μ² + σ²): lr for a clean gradient, 0.71·lr when μ = σ", () => {
    for (const [i, r] of snr.entries()) {
      const expected = r === Number.POSITIVE_INFINITY ? 1 : r / Math.sqrt(1 + r * r);
      expect(Math.abs((results[i]?.mean ?? Number.NaN) - expected), `μ/σ = ${r}`).toBeLessThan(0.04);
    }
    expect(1 / Math.sqrt(2)).toBeCloseTo(0.71, 2); // the figure quoted in the lesson
  });

  it("with no signal the steps average to zero but keep an rms of about 0.23·lr, not 0", () => {
    const noise = results[snr.length - 1];
    expect(Math.abs(noise?.mean ?? Number.NaN)).toBeLessThan(0.03);
    const predicted = Math.sqrt((1 - 0.9) / (1 + 0.9));
    expect(predicted).toBeCloseTo(0.23, 2);
    expect(Math.abs((noise?.rms ?? Number.NaN) / predicted - 1)).toBeLessThan(0.05);
  });
});
