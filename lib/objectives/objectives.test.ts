import { describe, expect, it } from "vitest";
import { OptimizerConfigError } from "../config-error";
import {
  createObjective,
  type LogregData,
  OBJECTIVE_NAMES,
  type Objective,
  type ObjectiveName,
} from "./index";

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DATA: LogregData = {
  X: [
    [0.5, -1.2, 0.3, 1],
    [-0.7, 0.4, 1.1, 1],
    [1.5, 0.2, -0.6, 1],
    [0.1, 0.9, 0.8, 1],
    [-1.1, -0.3, 0.2, 1],
  ],
  y: [1, 0, 1, 0, 1],
  batches: [[0, 2], [1, 3, 4], [4]],
};

/** Checks the analytic gradient against central differences, coordinate by coordinate. */
function checkGradient(objective: Objective, x: Float64Array, step?: number): void {
  const g = new Float64Array(x.length);
  objective.gradient(x, g, step);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const h = 1e-6 * Math.max(1, Math.abs(xi));
    const plus = Float64Array.from(x);
    const minus = Float64Array.from(x);
    plus[i] = xi + h;
    minus[i] = xi - h;
    const fd = (objective.value(plus, step) - objective.value(minus, step)) / (2 * h);
    const scale = Math.max(1, Math.abs(fd), Math.abs(objective.value(x, step)) * 1e-3);
    if (!(Math.abs((g[i] as number) - fd) <= 1e-6 * scale)) {
      throw new Error(`${objective.name} n=${x.length} step=${step}: d/dx${i} analytic ${g[i]} vs fd ${fd}`);
    }
  }
}

const CASES: [ObjectiveName, Record<string, unknown>, number[]][] = [
  ["rosenbrock", {}, [2, 3, 6]],
  ["rosenbrock", { a: 0.5, b: 10 }, [2, 4]],
  ["quadratic", {}, [1, 2, 5]],
  ["quadratic", { condition: 1000 }, [3]],
  ["himmelblau", {}, [2]],
  ["beale", {}, [2]],
  ["booth", {}, [2]],
  ["styblinski_tang", {}, [1, 2, 4]],
  ["rastrigin", {}, [1, 2, 5]],
  ["rastrigin", { A: 3 }, [3]],
];

describe("analytic gradients match central differences", () => {
  it.each(CASES)("%s %j", (name, args, dims) => {
    const rand = seeded(name.length * 97 + dims.length);
    for (const n of dims) {
      const objective = createObjective(name, args);
      for (let trial = 0; trial < 5; trial++) {
        checkGradient(
          objective,
          Float64Array.from({ length: n }, () => rand() * 4 - 2),
        );
      }
    }
  });

  it("logreg, full batch and every batch, with l2", () => {
    const rand = seeded(3);
    for (const l2 of [0, 0.1]) {
      const objective = createObjective("logreg", { l2 }, { data: DATA });
      for (let trial = 0; trial < 5; trial++) {
        const x = Float64Array.from({ length: 4 }, () => rand() * 2 - 1);
        for (const step of [undefined, 1, 2, 3, 4]) checkGradient(objective, x, step);
      }
    }
  });
});

describe("objective values", () => {
  it("are zero (or the known minimum) at the listed minima", () => {
    const expectMin = (objective: Objective, fmin: number) => {
      for (const m of objective.minima ?? []) {
        const x = Float64Array.from(m);
        expect(objective.value(x)).toBeCloseTo(fmin, 9);
        const g = new Float64Array(x.length);
        objective.gradient(x, g);
        for (const gi of g) expect(Math.abs(gi)).toBeLessThan(1e-6);
      }
    };
    expectMin(createObjective("rosenbrock", { a: 2, b: 5 }, { dim: 2 }), 0);
    expectMin(createObjective("rosenbrock", {}, { dim: 5 }), 0);
    expectMin(createObjective("quadratic", {}, { dim: 4 }), 0);
    expectMin(createObjective("himmelblau"), 0);
    expectMin(createObjective("beale"), 0);
    expectMin(createObjective("booth"), 0);
    expectMin(createObjective("rastrigin", {}, { dim: 3 }), 0);
    expectMin(createObjective("styblinski_tang", {}, { dim: 2 }), -78.33233140754282);
    expect(createObjective("himmelblau").minima).toHaveLength(4);
    expect(createObjective("rosenbrock", { a: 2 }, { dim: 3 }).minima).toBeUndefined();
  });

  it("match the golden README formulas at a hand-checked point", () => {
    const x = Float64Array.of(1, 2);
    expect(createObjective("rosenbrock").value(x)).toBe(100);
    expect(createObjective("quadratic", { condition: 9 }).value(x)).toBe(0.5 * (1 + 9 * 4));
    expect(createObjective("quadratic").value(Float64Array.of(3))).toBe(4.5); // n = 1: lambda = 1
    expect(createObjective("himmelblau").value(x)).toBe(64 + 4);
    expect(createObjective("beale").value(x)).toBeCloseTo(2.5 ** 2 + 5.25 ** 2 + 9.625 ** 2, 12);
    expect(createObjective("booth").value(x)).toBe(4 + 1);
    expect(createObjective("styblinski_tang").value(x)).toBe(0.5 * (1 - 16 + 5 + 16 - 64 + 10));
    expect(createObjective("rastrigin").value(x)).toBeCloseTo(20 + 1 - 10 + 4 - 10, 12);
  });

  it("logreg: mean over the step's batch plus 1/2 l2 ||x||^2", () => {
    const objective = createObjective("logreg", { l2: 0.5 }, { data: DATA });
    const x = Float64Array.of(0.2, -0.1, 0.3, 0.05);
    const loss = (rows: number[]) => {
      let s = 0;
      for (const r of rows) {
        const row = DATA.X[r] ?? [];
        const z = row.reduce((acc, v, j) => acc + v * (x[j] ?? 0), 0);
        s += Math.log(1 + Math.exp(z)) - (DATA.y[r] ?? 0) * z;
      }
      return s / rows.length + 0.25 * x.reduce((acc, v) => acc + v * v, 0);
    };
    expect(objective.value(x)).toBeCloseTo(loss([0, 1, 2, 3, 4]), 14);
    expect(objective.value(x, 1)).toBeCloseTo(loss([0, 2]), 14);
    expect(objective.value(x, 2)).toBeCloseTo(loss([1, 3, 4]), 14);
    expect(objective.value(x, 6)).toBeCloseTo(loss([4]), 14); // (6 - 1) mod 3 = 2
    expect(objective.dim).toBe(4);
  });

  it("logreg: slope exactly 1 at z = 0, like PyTorch autograd through max(z, 0) + log1p(e^-|z|)", () => {
    const objective = createObjective("logreg", {}, { data: DATA });
    const g = new Float64Array(4);
    objective.gradient(new Float64Array(4), g);
    const expected = [0, 1, 2, 3].map(
      (j) => DATA.X.reduce((s, row, r) => s + (1 - (DATA.y[r] ?? 0)) * (row[j] ?? 0), 0) / 5,
    );
    for (const [j, e] of expected.entries()) expect(g[j]).toBeCloseTo(e, 15);
  });

  it("is stable for large |z|", () => {
    const objective = createObjective("logreg", {}, { data: { X: [[1000]], y: [0] } });
    expect(objective.value(Float64Array.of(1))).toBe(1000);
    expect(objective.value(Float64Array.of(-1))).toBe(0);
  });
});

describe("createObjective validation", () => {
  const bad: [ObjectiveName, Record<string, unknown>, { dim?: number; data?: LogregData }, string, string][] =
    [
      ["rosenbrock", { c: 1 }, {}, "c", 'Unknown parameter "c" for rosenbrock'],
      ["quadratic", { condition: -1 }, {}, "condition", "Invalid condition: -1 (must be > 0)"],
      ["rosenbrock", {}, { dim: 1 }, "dim", "Invalid dim: 1 for rosenbrock (must be an integer >= 2)"],
      ["beale", {}, { dim: 3 }, "dim", "Invalid dim: 3 for beale (must be 2)"],
      ["himmelblau", { a: 1 }, {}, "a", 'Unknown parameter "a" for himmelblau'],
      ["logreg", {}, {}, "data", "Missing data (required for logreg)"],
      ["logreg", { l2: -1 }, { data: DATA }, "l2", "Invalid l2: -1 (must be >= 0)"],
      [
        "logreg",
        {},
        { data: { X: [[1, 2], [3]], y: [0, 1] } },
        "data.X[1]",
        "Invalid data.X[1]: [3] (must have 2 columns)",
      ],
      ["logreg", {}, { data: { X: [[1]], y: [2] } }, "data.y[0]", "Invalid data.y[0]: 2 (must be 0 or 1)"],
      [
        "logreg",
        {},
        { data: { X: [[1]], y: [1], batches: [[1]] } },
        "data.batches[0][0]",
        "Invalid data.batches[0][0]: 1 (row index out of range (1 rows))",
      ],
      [
        "logreg",
        {},
        { data: { X: [[1]], y: [1], batches: [[0.5]] } },
        "data.batches[0][0]",
        "Invalid data.batches[0][0]: 0.5 (expected an integer)",
      ],
      ["logreg", {}, { data: { X: [], y: [] } }, "data.X", "Invalid data.X: [] (must have at least 1 item)"],
    ];
  it.each(bad)("%s %j %j is rejected naming %s", (name, args, opts, param, message) => {
    let error: unknown;
    try {
      createObjective(name, args, opts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OptimizerConfigError);
    expect((error as OptimizerConfigError).param).toBe(param);
    expect((error as OptimizerConfigError).message).toBe(message);
  });

  it("checks lengths at evaluation time", () => {
    expect(() => createObjective("booth").value(new Float64Array(3))).toThrow(RangeError);
    expect(() => createObjective("rosenbrock").value(new Float64Array(1))).toThrow(RangeError);
    expect(() => createObjective("quadratic").gradient(new Float64Array(3), new Float64Array(2))).toThrow(
      RangeError,
    );
  });

  it("lists every objective with a label, and a plotting box for the 2-D ones", () => {
    expect(OBJECTIVE_NAMES).toHaveLength(9);
    for (const name of OBJECTIVE_NAMES) {
      const objective = createObjective(name, {}, name === "logreg" ? { data: DATA } : {});
      expect(objective.label.length).toBeGreaterThan(2);
      if (name !== "logreg") expect(objective.box?.x[0]).toBeLessThan(objective.box?.x[1] ?? Number.NaN);
    }
  });
});
