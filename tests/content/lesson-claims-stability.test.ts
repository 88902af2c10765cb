// Numbers of lesson 13's large-model and low-precision sections and lesson 11's fine-tuning section:
// each is recomputed here (simulations run the course's optimizers), and the test checks that the
// lesson still says it, so changing either side without the other fails. Same pattern as
// lesson-claims.test.ts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { InterviewItem } from "@/lib/content/interview-schema";
import { computeExpected } from "@/lib/interview/compute";
import { createOptimizer } from "@/lib/optim";
import { createRandom } from "@/lib/random";

const lesson = (file: string) => readFileSync(`content/lessons/${file}`, "utf8");
const cards = (file: string) => readFileSync(`content/cards/${file}`, "utf8");

/** bf16 keeps 8 significant bits (7 stored): the spacing of the grid in [2^e, 2^(e+1)) is 2^(e−7). */
const BF16_BITS = 8;

/** The exponent e with 2^e ≤ |x| < 2^(e+1), exactly (Math.log2 may be off by one near powers of two). */
function exponentOf(x: number): number {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  if (2 ** (e + 1) <= a) e += 1;
  return e;
}

/** The spacing of the bf16 grid around x (normal numbers; the course's values never reach 2^-126). */
const bf16Gap = (x: number) => 2 ** (exponentOf(x) - (BF16_BITS - 1));

/** x rounded to the nearest bf16 number, ties to even, computed in float64 (no double rounding). */
function roundBf16(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const gap = bf16Gap(x);
  const q = x / gap; // exact: a division by a power of two
  const floor = Math.floor(q);
  const rest = q - floor;
  const n = rest > 0.5 ? floor + 1 : rest < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
  return n * gap;
}

/** x rounded down or up to a bf16 neighbour at random, up with probability (x − down)/gap. */
function roundBf16Stochastic(x: number, random: () => number): number {
  if (x === 0) return 0;
  const gap = bf16Gap(x);
  const down = Math.floor(x / gap) * gap;
  return random() < (x - down) / gap ? down + gap : down;
}

/** How PyTorch makes bf16 from fp32: keep the top 16 bits after adding 0x7fff + the lowest kept bit. */
function roundBf16FromFloat32Bits(x: number): number {
  const f32 = new Float32Array([x]);
  const bits = new Uint32Array(f32.buffer);
  const word = bits[0] as number;
  bits[0] = ((word + 0x7fff + ((word >>> 16) & 1)) & 0xffff0000) >>> 0;
  return f32[0] as number;
}

describe("the bf16 rounding these tests simulate", () => {
  it("agrees with the fp32-bits conversion on values that are exact in fp32, and has 8 significant bits", () => {
    const random = createRandom(2);
    for (let i = 0; i < 2000; i++) {
      const x = Math.fround((random() - 0.5) * 10 ** (8 * random() - 4));
      expect(roundBf16(x), `x = ${x}`).toBe(roundBf16FromFloat32Bits(x));
    }
    expect(roundBf16(1 + 2 ** -7)).toBe(1 + 2 ** -7);
    expect(roundBf16(1 + 2 ** -8)).toBe(1); // a tie, to the even neighbour
    expect(roundBf16(1 + 3 * 2 ** -9)).toBe(1 + 2 ** -7);
  });
});

describe("lesson 13: loss spikes in large models", () => {
  const text = lesson("13-training-stability.mdx");

  it("z-loss: a shift of all logits leaves the cross-entropy alone and moves log Z; 1e-4·log²Z is 0.01 at log Z = 10", () => {
    const logits = [2, -1, 0.5, 3];
    const logZ = (z: number[]) => Math.log(z.reduce((s, v) => s + Math.exp(v), 0));
    const crossEntropy = (z: number[], y: number) => -(z[y] as number) + logZ(z);
    const shifted = logits.map((v) => v + 7);
    expect(crossEntropy(shifted, 1)).toBeCloseTo(crossEntropy(logits, 1), 12);
    expect(logZ(shifted) - logZ(logits)).toBeCloseTo(7, 12);
    // The gradient 2·1e-4·log Z·p_j, against central differences.
    const zLoss = (z: number[]) => 1e-4 * logZ(z) ** 2;
    const p = shifted.map((v) => Math.exp(v - logZ(shifted)));
    shifted.forEach((_, j) => {
      const h = 1e-5;
      const up = shifted.map((v, i) => (i === j ? v + h : v));
      const down = shifted.map((v, i) => (i === j ? v - h : v));
      const numeric = (zLoss(up) - zLoss(down)) / (2 * h);
      expect(numeric).toBeCloseTo(2e-4 * logZ(shifted) * (p[j] as number), 9);
    });
    expect(1e-4 * 10 ** 2).toBeCloseTo(0.01, 15);
    expect(text).toContain("L_z = 10^{-4} \\cdot \\log^2 Z");
    expect(text).toContain("\\frac{\\partial L_z}{\\partial z_j} = 2\\cdot10^{-4}\\,\\log Z \\cdot p_j");
    expect(text).toContain("at $\\log Z = 10$ it adds only 0.01");
  });

  it("bf16 spaces the numbers between 256 and 512 two apart: a logit there is off by up to 1, a factor e ≈ 2.7", () => {
    expect(bf16Gap(256)).toBe(2);
    expect(bf16Gap(511)).toBe(2);
    const random = createRandom(4);
    let worst = 0;
    for (let i = 0; i < 10_000; i++) {
      const z = 256 + 256 * random();
      worst = Math.max(worst, Math.abs(roundBf16(z) - z));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(worst).toBeGreaterThan(0.99);
    expect(Math.E).toBeCloseTo(2.7, 1);
    expect(text).toContain(
      "In bf16, the numbers between 256 and 512 are 2 apart, so a logit of that size can be off by 1",
    );
    expect(text).toContain("by a factor of up to $e \\approx 2.7$");
  });

  it("QK-norm: doubling W^Q and W^K quadruples a logit; after LayerNorm every logit is within ±√d_h, ±11.3 at d_h = 128", () => {
    const dh = 128;
    const random = createRandom(6);
    const vector = () => Array.from({ length: dh }, () => random() * 4 - 1.5);
    const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
    const layerNorm = (a: number[]) => {
      const mean = a.reduce((s, v) => s + v, 0) / a.length;
      const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
      return a.map((v) => (v - mean) / Math.sqrt(variance));
    };
    const q = vector();
    const k = vector();
    expect(
      dot(
        q.map((v) => 2 * v),
        k.map((v) => 2 * v),
      ) / dot(q, k),
    ).toBeCloseTo(4, 12);
    // Scaling q or k (a larger W^Q or W^K) does not move the normalised logit at all.
    const normalisedLogit = (a: number[], b: number[]) => dot(layerNorm(a), layerNorm(b)) / Math.sqrt(dh);
    expect(
      normalisedLogit(
        q.map((v) => 50 * v),
        k,
      ),
    ).toBeCloseTo(normalisedLogit(q, k), 10);
    expect(Math.hypot(...layerNorm(q))).toBeCloseTo(Math.sqrt(dh), 10);
    expect(normalisedLogit(q, q)).toBeCloseTo(Math.sqrt(dh), 10); // the bound, reached by k = q
    for (let i = 0; i < 200; i++)
      expect(Math.abs(normalisedLogit(vector(), vector()))).toBeLessThanOrEqual(Math.sqrt(dh));
    expect(Math.sqrt(dh)).toBeCloseTo(11.3, 1);
    expect(text).toContain("doubling both $W^Q$ and $W^K$ multiplies every logit by 4");
    expect(text).toContain("within $\\pm 11.3$ for heads of dimension 128");
  });

  it("v's memory halves in about 693 steps at β2 = 0.999 and about 14 at 0.95", () => {
    const halfLife = (beta2: number) => Math.log(0.5) / Math.log(beta2);
    expect(Math.round(halfLife(0.999))).toBe(693);
    expect(Math.round(halfLife(0.95))).toBe(14);
    expect(text).toContain("about 693 steps at $\\beta_2 = 0.999$ and about 14 at $\\beta_2 = 0.95$");
  });

  it("after a hundredfold jump of the gradient, the core's Adam steps reach 6.6η at β2 = 0.999 and 1.1η at β2 = 0.95", () => {
    /** |Δθ|/η on each of the 1000 steps after 10 000 steps of gradient 1 are followed by gradient 100. */
    const stepsAfterJump = (beta2: number) => {
      const adam = createOptimizer("adam", 1, { lr: 1, betas: [0.9, beta2] });
      const x = new Float64Array(1);
      for (let t = 0; t < 10_000; t++) adam.step(x, Float64Array.of(1));
      const sizes: number[] = [];
      for (let t = 0; t < 1000; t++) {
        const before = x[0] as number;
        adam.step(x, Float64Array.of(100));
        sizes.push(before - (x[0] as number));
      }
      return sizes;
    };
    const slow = stepsAfterJump(0.999);
    const fast = stepsAfterJump(0.95);
    if (process.env.SHOW_CLAIMS)
      console.log(Math.max(...slow), slow.indexOf(Math.max(...slow)) + 1, Math.max(...fast));
    expect(Math.max(...slow)).toBeCloseTo(6.6, 1);
    expect(slow.indexOf(Math.max(...slow)) + 1).toBe(12);
    expect(slow[279]).toBeGreaterThan(2); // the 280th step after the jump
    expect(Math.max(...fast)).toBeCloseTo(1.1, 1);
    // Lesson 7's supremum over all gradient sequences, (1 − β1)/√((1 − β2)(1 − β1²/β2)), at β2 = 0.95.
    const supremum = (1 - 0.9) / Math.sqrt((1 - 0.95) * (1 - 0.81 / 0.95));
    expect(supremum).toBeCloseTo(1.16, 2);
    expect(Math.max(...fast)).toBeLessThan(supremum);
    expect(text).toContain("no gradient sequence can push a step past about $1.16\\,\\eta$");
    expect(text).toContain("gradient is 1 for 10 000 steps and then jumps to 100");
    expect(text).toContain(
      "with $\\beta_2 = 0.999$ the steps grow to about 6.6 times their usual size $\\eta$ (twelve steps after the jump), and are still more than twice that size 280 steps after the jump; with $\\beta_2 = 0.95$ the largest step is about $1.1\\,\\eta$",
    );
    expect(text).toContain("about 6.6 times in the lesson's simulation of a hundredfold jump");
  });

  it("where √v̂ equals ε, the core's Adam step is halved", () => {
    const eps = 1e-8;
    const adam = createOptimizer("adam", 1, { lr: 1, eps });
    const x = new Float64Array(1);
    adam.step(x, Float64Array.of(eps)); // first step: m̂ = g, √v̂ = |g| = ε
    expect(-(x[0] as number)).toBeCloseTo(0.5, 12);
    expect(text).toContain(
      "Where $\\sqrt{\\hat v}$ equals $\\epsilon$, the denominator doubles and the step halves",
    );
  });
});

describe("lesson 13: optimizer state in low precision", () => {
  const text = lesson("13-training-stability.mdx");

  it("bf16: neighbours 2^-7 apart above 1; an increase below 2^-8 ≈ 0.0039 is lost; in general 2^-9 to 2^-8 of the weight; fp32 about 6e-8", () => {
    expect(roundBf16(1 + 2 ** -7 * 0.99)).toBe(1 + 2 ** -7);
    expect(roundBf16(1 + 0.0039)).toBe(1);
    expect(roundBf16(1 + 0.004)).toBe(1 + 2 ** -7);
    expect(2 ** -8).toBeCloseTo(0.0039, 4);
    // Over many weights, the smallest update that survives, relative to the weight, lies in (2^-9, 2^-8].
    const random = createRandom(8);
    for (let i = 0; i < 500; i++) {
      const w = roundBf16(10 ** (4 * random() - 2));
      const half = bf16Gap(w) / 2;
      expect(roundBf16(w + half * 0.999)).toBe(w);
      expect(roundBf16(w + half * 1.001)).not.toBe(w);
      expect(half / w).toBeGreaterThan(2 ** -9);
      expect(half / w).toBeLessThanOrEqual(2 ** -8);
    }
    expect(2 ** -24).toBeCloseTo(6e-8, 8);
    expect(Math.fround(1 + 2 ** -24 * 1.01)).toBeGreaterThan(1);
    expect(text).toContain("Just above 1, neighbouring bf16 numbers are $2^{-7}$ apart");
    expect(text).toContain("half that gap, $2^{-8} \\approx 0.0039$, to a weight of 1 gives back exactly 1");
    expect(text).toContain("which is between $2^{-9}$ and $2^{-8}$ of the weight");
    expect(text).toContain("keeps updates down to about $6\\times10^{-8}$ of the weight");
  });

  /** The core's Adam at η = 3e-5 with a constant gradient, 1000 steps from 0.02; the weight kept as `keep` says. */
  const simulateBf16Weight = (keep: "float64" | "nearest" | "kahan" | "stochastic", seed = 1) => {
    const adam = createOptimizer("adam", 1, { lr: 3e-5 });
    const random = createRandom(seed);
    let w = keep === "float64" ? 0.02 : roundBf16(0.02);
    let compensation = 0;
    for (let t = 0; t < 1000; t++) {
      const p = Float64Array.of(w);
      adam.step(p, Float64Array.of(1));
      const update = (p[0] as number) - w; // the step, computed in higher precision
      if (keep === "float64") w = p[0] as number;
      else if (keep === "nearest") w = roundBf16(w + update);
      else if (keep === "stochastic") w = roundBf16Stochastic(w + update, random);
      else {
        const y = roundBf16(roundBf16(update) - compensation);
        const s = roundBf16(w + y);
        compensation = roundBf16(roundBf16(s - w) - y);
        w = s;
      }
    }
    return w;
  };

  it("η = 3e-5 on a weight of 0.02 is 0.0015 of it, under 2^-9 ≈ 0.00195: 1000 Adam steps move fp32 to −0.01 and bf16 not at all", () => {
    expect(3e-5 / 0.02).toBeCloseTo(0.0015, 12);
    expect(3e-5 / 0.02).toBeLessThan(2 ** -9);
    expect(2 ** -9).toBeCloseTo(0.00195, 5);
    expect(simulateBf16Weight("float64")).toBeCloseTo(-0.01, 8);
    expect(simulateBf16Weight("nearest")).toBe(roundBf16(0.02));
    expect(roundBf16(0.02)).toBeCloseTo(0.0200195, 7);
    expect(text).toContain("receives steps of 0.0015 of its size, under $2^{-9} \\approx 0.00195$");
    expect(text).toContain(
      "1000 steps move an fp32 weight from 0.02 to $-0.01$, while a weight stored in bf16 stays at 0.02 (0.0200195, the bf16 value nearest 0.02)",
    );
  });

  it("Kahan summation in bf16 ends at −0.01001; stochastic rounding averages within 0.001 of −0.01 over 50 seeds", () => {
    const kahan = simulateBf16Weight("kahan");
    expect(kahan).toBeCloseTo(-0.01001, 5);
    const runs = Array.from({ length: 50 }, (_, seed) => simulateBf16Weight("stochastic", seed + 1));
    const mean = runs.reduce((s, v) => s + v, 0) / runs.length;
    if (process.env.SHOW_CLAIMS) console.log(kahan, mean, Math.min(...runs), Math.max(...runs));
    expect(Math.abs(mean + 0.01)).toBeLessThan(0.001);
    for (const w of runs) expect(Math.abs(w + 0.01)).toBeLessThan(0.01); // each run moved, unlike nearest
    expect(text).toContain("the Kahan-summed bf16 weight ends at $-0.01001$");
    expect(text).toContain("averaged over 50 seeded runs of the simulation it ends within 0.001 of $-0.01$");
  });

  it("stochastic rounding: an update of a quarter gap moves the weight a whole gap one time in four", () => {
    const random = createRandom(12);
    const gap = bf16Gap(1.5);
    let up = 0;
    const trials = 40_000;
    for (let i = 0; i < trials; i++) if (roundBf16Stochastic(1.5 + gap / 4, random) === 1.5 + gap) up += 1;
    expect(up / trials).toBeCloseTo(0.25, 2);
    expect(text).toContain(
      "an update a quarter of the gap moves the weight by one whole gap one time in four",
    );
  });

  it("block-wise 8-bit quantisation: one scale zeroes all 4095 small values, blocks of 2048 only the outlier's 2047", () => {
    const values = Array.from({ length: 4096 }, (_, i) => (i === 0 ? 1 : 1e-3 * Math.sin(i + 0.5)));
    /** Linear absmax quantisation to the integers −127…127, one scale per block, and back. */
    const roundTrip = (x: number[], blockSize: number) => {
      const absmax = Array.from({ length: Math.ceil(x.length / blockSize) }, (_, b) =>
        Math.max(...x.slice(b * blockSize, (b + 1) * blockSize).map(Math.abs)),
      );
      return x.map((v, i) => {
        const scale = absmax[Math.floor(i / blockSize)] as number;
        return (Math.round((v / scale) * 127) / 127) * scale;
      });
    };
    const zeroedSmall = (restored: number[]) => restored.filter((v, i) => i > 0 && v === 0).length;
    expect(1 / 127).toBeCloseTo(0.0079, 4);
    expect(zeroedSmall(roundTrip(values, 4096))).toBe(4095);
    const blocked = roundTrip(values, 2048);
    expect(zeroedSmall(blocked)).toBe(2047);
    const secondMax = Math.max(...values.slice(2048).map(Math.abs));
    for (let i = 2048; i < 4096; i++)
      expect(Math.abs((blocked[i] as number) - (values[i] as number)) / secondMax).toBeLessThanOrEqual(
        1 / 254,
      );
    expect(1 / 254).toBeLessThan(0.004);
    // Block scales: one fp32 number per 2048 values of each of the two states.
    expect((2 * 4) / 2048).toBeCloseTo(0.004, 3);
    expect(text).toContain("blocks of 2048 values");
    expect(text).toContain(
      "makes the quantisation step $1/127 \\approx 0.0079$, and all 4095 small values become 0",
    );
    expect(text).toContain("Blocks of 2048 lose only the 2047 small values");
    expect(text).toContain("within 0.4% of its block's largest value");
    expect(text).toContain("about 0.004 bytes per parameter for the two states");
  });

  it("bytes per parameter: 16 for fp32 and for mixed precision, 10 with 8-bit Adam or Kahan, 8 with stochastic rounding", () => {
    const rows = [
      { row: "| fp32 Adam | 4 | 4 | 8 ($m$, $v$) | 16 |", parts: [4, 4, 4 + 4], total: 16 },
      {
        row: "| Mixed precision, fp32 master weights and Adam state | 2 | 2 | 12 (master 4, $m$ and $v$ 8) | 16 |",
        parts: [2, 2, 4 + 4 + 4],
        total: 16,
      },
      {
        row: "| Mixed precision with 8-bit Adam | 2 | 2 | 6 (master 4, $m$ and $v$ 2) | 10 |",
        parts: [2, 2, 4 + 1 + 1],
        total: 10,
      },
      {
        row: "| bf16 weights and Adam state, Kahan-compensated | 2 | 2 | 6 ($m$ and $v$ 4, compensation 2) | 10 |",
        parts: [2, 2, 2 + 2 + 2],
        total: 10,
      },
      {
        row: "| bf16 weights and Adam state, stochastic rounding | 2 | 2 | 4 ($m$ and $v$) | 8 |",
        parts: [2, 2, 2 + 2],
        total: 8,
      },
    ];
    for (const { row, parts, total } of rows) {
      expect(
        parts.reduce((s, v) => s + v, 0),
        row,
      ).toBe(total);
      expect(text).toContain(row);
    }
    expect((16 * 7e9) / 1e9).toBe(112);
    expect((10 * 7e9) / 1e9).toBe(70);
    expect((8 * 7e9) / 1e9).toBe(56);
    expect(text).toContain(
      "For 7 billion parameters the 16-, 10- and 8-byte setups need 112 GB, 70 GB and 56 GB",
    );
    expect(text).toContain("fp32: 4 (weight) + 4 (gradient) + 8 ($m$, $v$) = 16");
    expect(text).toContain("2 + 2 + 4 + 8 = 16, the same");
    expect(text).toContain("2 + 2 + 4 + 2 = 10, plus block scales of about 0.004 bytes");
  });
});

describe("lesson 11: fine-tuning a pretrained model", () => {
  const text = lesson("11-choosing-an-optimizer.mdx");

  it("layer-wise decay: 0.8^13 ≈ 0.055 η for the embeddings below 12 blocks, 18 times less than the head; 0.9^25 ≈ 0.072 η", () => {
    /** η_l = η·ξ^(L − l), layers 0 (embeddings) … L (the task head). */
    const layerRates = (lr: number, decay: number, blocks: number) =>
      Array.from({ length: blocks + 2 }, (_, l) => lr * decay ** (blocks + 1 - l));
    const base = layerRates(1, 0.8, 12);
    expect(base).toHaveLength(14); // embeddings, 12 blocks, head: L = 13
    expect(base.at(-1)).toBe(1);
    expect(base[0]).toBeCloseTo(0.055, 3);
    expect(Math.round(1 / (base[0] as number))).toBe(18);
    const large = layerRates(1, 0.9, 24);
    expect(large[0]).toBeCloseTo(0.072, 3);
    expect(text).toContain("\\eta_l = \\eta \\cdot \\xi^{\\,L - l}");
    expect(text).toContain(
      "with 12 transformer blocks between the embeddings and the head ($L = 13$), $\\xi = 0.8$ gives the embeddings $0.8^{13} \\approx 0.055\\,\\eta$, about 18 times less than the head",
    );
    expect(text).toContain(
      "with 24 blocks ($L = 25$) and $\\xi = 0.9$ they get $0.9^{25} \\approx 0.072\\,\\eta$",
    );
  });

  it("a 4096 × 4096 weight at r = 8: 16 777 216 against 65 536 trained parameters, 256 times fewer, 0.39%; 134 MB against 0.52 MB of state", () => {
    const d = 4096;
    const k = 4096;
    const r = 8;
    const full = { params: d * k, state: 2 * d * k };
    const lora = { params: r * (d + k), state: 2 * r * (d + k) };
    expect(full).toEqual({ params: 16_777_216, state: 33_554_432 });
    expect(lora).toEqual({ params: 65_536, state: 131_072 });
    expect((full.state * 4) / 1e6).toBeCloseTo(134, 0);
    expect((lora.state * 4) / 1e6).toBeCloseTo(0.52, 2);
    expect(full.params / lora.params).toBe(256);
    expect((100 * lora.params) / full.params).toBeCloseTo(0.39, 2);
    expect(text).toContain("| Full fine-tuning | 16 777 216 | 33 554 432 | 134 MB |");
    expect(text).toContain("| LoRA, $r = 8$ | 65 536 | 131 072 | 0.52 MB |");
    expect(text).toContain("LoRA trains 256 times fewer parameters there, 0.39% of the matrix");
    expect(text).toContain("$2r(d+k) = 131\\,072$, 256 times fewer");
    expect(text).toContain("$2dk = 33\\,554\\,432$ state values");
  });

  it("7B: full AdamW 112 GB; LoRA r = 8 on q and v of 32 blocks trains 4 194 304 (0.06%), 14 GB + 67 MB ≈ 14.1 GB, 8 times less", () => {
    const params = 7e9;
    const gb = (bytes: number) => bytes / 1e9;
    const fullBytes = 16 * params; // lesson 13's mixed-precision row
    const loraParams = 32 * 2 * 8 * (4096 + 4096);
    const frozenBytes = 2 * params; // bf16, no gradient, no state
    const loraBytes = 16 * loraParams; // bf16 weight and gradient, fp32 master, m and v
    expect(gb(fullBytes)).toBe(112);
    expect(loraParams).toBe(4_194_304);
    expect((100 * loraParams) / params).toBeCloseTo(0.06, 2);
    expect(gb(frozenBytes)).toBe(14);
    expect(loraBytes / 1e6).toBeCloseTo(67, 0);
    expect(gb(frozenBytes + loraBytes)).toBeCloseTo(14.1, 1);
    expect(Math.round(fullBytes / (frozenBytes + loraBytes))).toBe(8);
    expect((2 * loraParams) / 1e6).toBeCloseTo(8.4, 1); // the bf16 factors of one task
    expect(gb(0.5 * params)).toBe(3.5); // QLoRA's 4-bit frozen weights
    expect(text).toContain("16 bytes per parameter of [lesson 13's table]");
    expect(text).toContain(
      "bytes per parameter of [lesson 13's table](/learn/training-stability#bytes-per-parameter), 112 GB",
    );
    expect(text).toContain(
      "trains $32 \\times 2 \\times 65\\,536 = 4\\,194\\,304$ parameters (0.06% of the model): the frozen bf16 weights take 14 GB, the LoRA parameters with their gradients, master copies and Adam state 67 MB, about 14.1 GB in all, 8 times less",
    );
    expect(text).toContain("a file of 8.4 MB of bf16 factors instead of a 14 GB copy of the model");
    expect(text).toContain("storing them in 4 bits: 3.5 GB");
    expect(text).toContain("about 14.1 GB against 112 GB for full mixed-precision AdamW");
  });
});

describe("cards of these sections: the numbers they quote", () => {
  /** The back of a card, as parsed from its topic file. */
  const back = (file: string, id: string) => {
    const list = JSON.parse(cards(file)) as Array<{ id: string; back: string }>;
    const card = list.find((c) => c.id === id);
    if (!card) throw new Error(`no card ${id} in ${file}`);
    return card.back;
  };

  it("bf16-update-rounded-away: +0.003 on a weight of 1 gives back 1; the gap above 1 is 2^-7, half of it 0.0039", () => {
    expect(roundBf16(1 + 0.003)).toBe(1);
    expect(roundBf16(1 + 2 ** -7)).toBe(1 + 2 ** -7);
    expect(2 ** -8).toBeCloseTo(0.0039, 4);
    expect(cards("training-stability.json")).toContain("receives an update of +0.003");
    expect(back("training-stability.json", "bf16-update-rounded-away")).toContain(
      "the next number above 1 is $1+2^{-7}$",
    );
    expect(back("training-stability.json", "bf16-update-rounded-away")).toContain("$2^{-8}\\approx0.0039$");
  });

  it("beta2-loss-spikes and mixed-precision-state-bytes repeat the lesson's recomputed figures", () => {
    const beta2 = back("training-stability.json", "beta2-loss-spikes");
    for (const phrase of [
      "about 693 steps at 0.999 but about 14 at 0.95",
      "about $6.6\\,\\eta$",
      "near $1.1\\,\\eta$",
    ])
      expect(beta2).toContain(phrase);
    const text = lesson("13-training-stability.mdx");
    expect(text).toContain("about 693 steps at $\\beta_2 = 0.999$ and about 14");
    expect(text).toContain("about 6.6 times their usual size");
    expect(text).toContain("the largest step is about $1.1\\,\\eta$");
    const bytes = back("training-stability.json", "mixed-precision-state-bytes");
    expect(4 + 4 + 8).toBe(16);
    expect(2 + 2 + 4 + 8).toBe(16);
    expect(2 + 2 + 4 + 2).toBe(10);
    expect(bytes).toContain("4 (weight) + 4 (gradient) + 8 ($m$, $v$) = 16 bytes");
    expect(bytes).toContain("2 + 2 + 4 (fp32 master) + 8 = 16");
    expect(bytes).toContain("2 + 2 + 4 + 2 = 10 bytes");
  });

  it("layer-wise-lr-decay and lora-optimizer-memory: 0.8^13 ≈ 0.055; 33 554 432 against 131 072, 256 times fewer", () => {
    expect(0.8 ** 13).toBeCloseTo(0.055, 3);
    expect(back("choosing-an-optimizer.json", "layer-wise-lr-decay")).toContain(
      "$0.8^{13}\\approx0.055\\,\\eta$",
    );
    expect(2 * 4096 * 4096).toBe(33_554_432);
    expect(2 * 8 * (4096 + 4096)).toBe(131_072);
    expect((4096 * 4096) / (8 * (4096 + 4096))).toBe(256);
    expect(back("choosing-an-optimizer.json", "lora-optimizer-memory")).toContain(
      "33 554 432 against 131 072, 256 times fewer",
    );
  });
});

describe("interview items of these sections: the numbers they quote", () => {
  const items = JSON.parse(
    readFileSync("content/interview/stability-at-scale.json", "utf8"),
  ) as InterviewItem[];
  const item = (id: string) => {
    const found = items.find((i) => i.id === id);
    if (!found) throw new Error(`no item ${id}`);
    return found;
  };

  it("lora-state-numeric: the engine's Adam state of r(d + k) = 65 536 parameters is 524 288 bytes, about 0.52 MB", () => {
    const lora = item("lora-state-numeric");
    if (lora.type !== "numeric") throw new Error("lora-state-numeric is not numeric");
    expect(lora.compute.args.params).toBe(8 * (4096 + 4096));
    expect(computeExpected(lora.compute)).toBe(524_288);
    expect(computeExpected(lora.compute) / 1e6).toBeCloseTo(0.52, 2);
    expect(lora.explanation).toContain(
      "$r(d+k) = 65\\,536$ parameters, two fp32 state values each, about 0.52 MB",
    );
    expect(lora.explanation).toContain("$2dk = 33\\,554\\,432$ values, 134 MB: 256 times more");
  });

  it("beta2-spikes-explain quotes the lesson's recomputed half-lives and step sizes", () => {
    const explain = item("beta2-spikes-explain");
    if (explain.type !== "explain") throw new Error("beta2-spikes-explain is not explain");
    expect(explain.modelAnswer).toContain("about 693 steps at 0.999 and about 14 at 0.95");
    expect(explain.modelAnswer).toContain("about $6.6\\,\\eta$ at 0.999 against about $1.1\\,\\eta$ at 0.95");
    const text = lesson("13-training-stability.mdx");
    expect(text).toContain("about 693 steps at $\\beta_2 = 0.999$ and about 14 at $\\beta_2 = 0.95$");
    expect(text).toContain("grow to about 6.6 times their usual size");
  });
});
