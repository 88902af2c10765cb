// An independent, deliberately plain implementation of the objectives and optimizers, written from the
// papers/PyTorch docs formulas in textbook order and sharing no code with lib/. It builds extra
// `optim-golden/1` cases (objectives and hyper-parameters the public file lacks) to check the core against.
// Run directly to (re)write the fixture: npx tsx tests/golden-reference.ts tests/fixtures/golden-extra.json
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

type Vec = number[];
type Args = Record<string, number>;
interface Data {
  X: number[][];
  y: number[];
  batches?: number[][];
}
type Grad = (x: Vec, k: number) => Vec;

function makeGrad(name: string, args: Args, data?: Data): Grad {
  switch (name) {
    case "rosenbrock": {
      const a = args.a ?? 1;
      const b = args.b ?? 100;
      return (x) =>
        x.map((xi, i) => {
          let d = 0;
          if (i < x.length - 1) d += -2 * (a - xi) - 4 * b * xi * ((x[i + 1] ?? 0) - xi ** 2);
          if (i > 0) d += 2 * b * (xi - (x[i - 1] ?? 0) ** 2);
          return d;
        });
    }
    case "quadratic": {
      const c = args.condition ?? 100;
      return (x) => x.map((xi, i) => (x.length === 1 ? 1 : c ** (i / (x.length - 1))) * xi);
    }
    case "himmelblau":
      return ([x = 0, y = 0]) => [
        2 * (x ** 2 + y - 11) * 2 * x + 2 * (x + y ** 2 - 7),
        2 * (x ** 2 + y - 11) + 2 * (x + y ** 2 - 7) * 2 * y,
      ];
    case "beale":
      return ([x = 0, y = 0]) => {
        const r = [1.5 - x + x * y, 2.25 - x + x * y ** 2, 2.625 - x + x * y ** 3];
        const dx = [y - 1, y ** 2 - 1, y ** 3 - 1];
        const dy = [x, 2 * x * y, 3 * x * y ** 2];
        let gx = 0;
        let gy = 0;
        for (let j = 0; j < 3; j++) {
          gx += 2 * (r[j] ?? 0) * (dx[j] ?? 0);
          gy += 2 * (r[j] ?? 0) * (dy[j] ?? 0);
        }
        return [gx, gy];
      };
    case "booth":
      return ([x = 0, y = 0]) => [
        2 * (x + 2 * y - 7) + 4 * (2 * x + y - 5),
        4 * (x + 2 * y - 7) + 2 * (2 * x + y - 5),
      ];
    case "styblinski_tang":
      return (x) => x.map((xi) => 0.5 * (4 * xi ** 3 - 32 * xi + 5));
    case "rastrigin": {
      const A = args.A ?? 10;
      return (x) => x.map((xi) => 2 * xi + 2 * Math.PI * A * Math.sin(2 * Math.PI * xi));
    }
    case "logreg": {
      if (data === undefined) throw new Error("logreg needs data");
      const l2 = args.l2 ?? 0;
      return (x, k) => {
        const rows = data.batches
          ? (data.batches[(k - 1) % data.batches.length] ?? [])
          : data.X.map((_, i) => i);
        const g = x.map((xj) => l2 * xj);
        for (const r of rows) {
          const row = data.X[r] ?? [];
          const z = row.reduce((s, v, j) => s + v * (x[j] ?? 0), 0);
          const residual = 1 / (1 + Math.exp(-z)) - (data.y[r] ?? 0);
          row.forEach((v, j) => {
            g[j] = (g[j] ?? 0) + (residual * v) / rows.length;
          });
        }
        return g;
      };
    }
    default:
      throw new Error(`unknown objective ${name}`);
  }
}

type Step = (x: Vec, g: Vec, t: number) => Vec;
type H = Record<string, number | boolean | number[]>;

function num(h: H, key: string, fallback: number): number {
  const v = h[key];
  return typeof v === "number" ? v : fallback;
}
function betas(h: H, fallback: [number, number]): [number, number] {
  const v = h.betas;
  return Array.isArray(v) ? [v[0] ?? fallback[0], v[1] ?? fallback[1]] : fallback;
}

/** Textbook update rules with PyTorch 1.13 conventions (L2 added to the gradient, eps placement). */
function makeStep(name: string, h: H, n: number): Step {
  const zeros = () => new Array<number>(n).fill(0);
  const wd = num(h, "weight_decay", name === "adamw" ? 0.01 : 0);
  const sign = h.maximize === true ? -1 : 1;
  const withDecay = (x: Vec, g: Vec) => g.map((gi, i) => sign * gi + wd * (x[i] ?? 0));
  switch (name) {
    case "sgd": {
      const lr = num(h, "lr", Number.NaN);
      const mom = num(h, "momentum", 0);
      const damp = num(h, "dampening", 0);
      let buf: Vec | null = null;
      return (x, g) => {
        const d = withDecay(x, g);
        if (mom === 0) return x.map((xi, i) => xi - lr * (d[i] ?? 0));
        buf = buf === null ? [...d] : buf.map((b, i) => mom * b + (1 - damp) * (d[i] ?? 0));
        const b = buf;
        const u = h.nesterov === true ? d.map((di, i) => di + mom * (b[i] ?? 0)) : b;
        return x.map((xi, i) => xi - lr * (u[i] ?? 0));
      };
    }
    case "rmsprop": {
      const lr = num(h, "lr", 0.01);
      const alpha = num(h, "alpha", 0.99);
      const eps = num(h, "eps", 1e-8);
      const mom = num(h, "momentum", 0);
      let sq = zeros();
      let avg = zeros();
      let buf = zeros();
      return (x, g) => {
        const d = withDecay(x, g);
        sq = sq.map((s, i) => alpha * s + (1 - alpha) * (d[i] ?? 0) ** 2);
        avg = avg.map((a, i) => alpha * a + (1 - alpha) * (d[i] ?? 0));
        const denom = sq.map((s, i) => Math.sqrt(h.centered === true ? s - (avg[i] ?? 0) ** 2 : s) + eps);
        if (mom > 0) {
          buf = buf.map((b, i) => mom * b + (d[i] ?? 0) / (denom[i] ?? 1));
          return x.map((xi, i) => xi - lr * (buf[i] ?? 0));
        }
        return x.map((xi, i) => xi - (lr * (d[i] ?? 0)) / (denom[i] ?? 1));
      };
    }
    case "adam":
    case "adamw": {
      const lr = num(h, "lr", 1e-3);
      const [b1, b2] = betas(h, [0.9, 0.999]);
      const eps = num(h, "eps", 1e-8);
      let m = zeros();
      let v = zeros();
      let vMax = zeros();
      return (x0, g, t) => {
        const x = name === "adamw" ? x0.map((xi) => xi * (1 - lr * wd)) : x0;
        const d = name === "adamw" ? g.map((gi) => sign * gi) : withDecay(x0, g);
        m = m.map((mi, i) => b1 * mi + (1 - b1) * (d[i] ?? 0));
        v = v.map((vi, i) => b2 * vi + (1 - b2) * (d[i] ?? 0) ** 2);
        vMax = vMax.map((vm, i) => Math.max(vm, v[i] ?? 0));
        const vUsed = h.amsgrad === true ? vMax : v;
        return x.map((xi, i) => {
          const mHat = (m[i] ?? 0) / (1 - b1 ** t);
          const vHat = (vUsed[i] ?? 0) / (1 - b2 ** t);
          return xi - (lr * mHat) / (Math.sqrt(vHat) + eps);
        });
      };
    }
    case "adagrad": {
      const lr = num(h, "lr", 0.01);
      const decay = num(h, "lr_decay", 0);
      const eps = num(h, "eps", 1e-10);
      let sum = new Array<number>(n).fill(num(h, "initial_accumulator_value", 0));
      return (x, g, t) => {
        const d = withDecay(x, g);
        sum = sum.map((s, i) => s + (d[i] ?? 0) ** 2);
        const clr = lr / (1 + (t - 1) * decay);
        return x.map((xi, i) => xi - (clr * (d[i] ?? 0)) / (Math.sqrt(sum[i] ?? 0) + eps));
      };
    }
    case "nadam": {
      const lr = num(h, "lr", 2e-3);
      const [b1, b2] = betas(h, [0.9, 0.999]);
      const eps = num(h, "eps", 1e-8);
      const psi = num(h, "momentum_decay", 4e-3);
      const mu = (t: number) => b1 * (1 - 0.5 * 0.96 ** (t * psi));
      let m = zeros();
      let v = zeros();
      let prod = 1;
      return (x, g, t) => {
        const d = withDecay(x, g);
        prod *= mu(t);
        // PyTorch 1.13 counts mu_t twice in the product for the momentum term.
        const prodNext = prod * mu(t) * mu(t + 1);
        m = m.map((mi, i) => b1 * mi + (1 - b1) * (d[i] ?? 0));
        v = v.map((vi, i) => b2 * vi + (1 - b2) * (d[i] ?? 0) ** 2);
        return x.map((xi, i) => {
          const denom = Math.sqrt((v[i] ?? 0) / (1 - b2 ** t)) + eps;
          const update =
            ((1 - mu(t)) * (d[i] ?? 0)) / (1 - prod) + (mu(t + 1) * (m[i] ?? 0)) / (1 - prodNext);
          return xi - (lr * update) / denom;
        });
      };
    }
    case "radam": {
      const lr = num(h, "lr", 1e-3);
      const [b1, b2] = betas(h, [0.9, 0.999]);
      const eps = num(h, "eps", 1e-8);
      const rhoInf = 2 / (1 - b2) - 1;
      let m = zeros();
      let v = zeros();
      return (x, g, t) => {
        const d = withDecay(x, g);
        m = m.map((mi, i) => b1 * mi + (1 - b1) * (d[i] ?? 0));
        v = v.map((vi, i) => b2 * vi + (1 - b2) * (d[i] ?? 0) ** 2);
        const rho = rhoInf - (2 * t * b2 ** t) / (1 - b2 ** t);
        return x.map((xi, i) => {
          const mHat = (m[i] ?? 0) / (1 - b1 ** t);
          if (rho <= 5) return xi - lr * mHat;
          const r = Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho));
          return xi - (lr * mHat * r * Math.sqrt(1 - b2 ** t)) / (Math.sqrt(v[i] ?? 0) + eps);
        });
      };
    }
    case "adamax": {
      const lr = num(h, "lr", 2e-3);
      const [b1, b2] = betas(h, [0.9, 0.999]);
      const eps = num(h, "eps", 1e-8);
      let m = zeros();
      let u = zeros();
      return (x, g, t) => {
        const d = withDecay(x, g);
        m = m.map((mi, i) => b1 * mi + (1 - b1) * (d[i] ?? 0));
        u = u.map((ui, i) => Math.max(b2 * ui, Math.abs(d[i] ?? 0) + eps));
        return x.map((xi, i) => xi - (lr / (1 - b1 ** t)) * ((m[i] ?? 0) / (u[i] ?? 1)));
      };
    }
    case "adadelta": {
      const lr = num(h, "lr", 1);
      const rho = num(h, "rho", 0.9);
      const eps = num(h, "eps", 1e-6);
      let sq = zeros();
      let acc = zeros();
      return (x, g) => {
        const d = withDecay(x, g);
        sq = sq.map((s, i) => rho * s + (1 - rho) * (d[i] ?? 0) ** 2);
        const delta = d.map((di, i) => (Math.sqrt((acc[i] ?? 0) + eps) / Math.sqrt((sq[i] ?? 0) + eps)) * di);
        acc = acc.map((a, i) => rho * a + (1 - rho) * (delta[i] ?? 0) ** 2);
        return x.map((xi, i) => xi - lr * (delta[i] ?? 0));
      };
    }
    case "lion": {
      const lr = num(h, "lr", Number.NaN);
      const [b1, b2] = betas(h, [0.9, 0.99]);
      let m = zeros();
      return (x, g) => {
        const c = m.map((mi, i) => b1 * mi + (1 - b1) * (g[i] ?? 0));
        m = m.map((mi, i) => b2 * mi + (1 - b2) * (g[i] ?? 0));
        return x.map((xi, i) => xi * (1 - lr * wd) - lr * Math.sign(c[i] ?? 0));
      };
    }
    default:
      throw new Error(`unknown optimizer ${name}`);
  }
}

/** Checkpoint steps of the format: 1-10, every 10th to 100, every 100th, and the last. */
export function getCheckpointSteps(steps: number): number[] {
  const out = new Set<number>();
  for (let k = 1; k <= Math.min(10, steps); k++) out.add(k);
  for (let k = 20; k <= Math.min(100, steps); k += 10) out.add(k);
  for (let k = 200; k <= steps; k += 100) out.add(k);
  out.add(steps);
  return [...out].sort((a, b) => a - b);
}

interface CaseSpec {
  id: string;
  optimizer: string;
  hparams: H;
  objective: { name: string; args?: Args };
  x0: Vec;
  steps: number;
  data?: Data;
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** Deterministic logistic-regression data: 30 rows, 3 features + a ones column, 3 batches of 10. */
export function makeLogregData(): Data {
  const rand = seededRandom(7);
  const X: number[][] = [];
  const y: number[] = [];
  for (let r = 0; r < 30; r++) {
    const row = [rand() * 4 - 2, rand() * 4 - 2, rand() * 4 - 2, 1];
    const z = 1.5 * (row[0] ?? 0) - (row[1] ?? 0) + 0.5 * (row[2] ?? 0) + 0.3;
    X.push(row.map((v) => Math.round(v * 1e6) / 1e6));
    y.push(rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  const order = [...Array(30).keys()].sort(() => rand() - 0.5);
  return { X, y, batches: [order.slice(0, 10), order.slice(10, 20), order.slice(20, 30)] };
}

/** The extra cases: objectives and hyper-parameters that the public file does not cover. */
export function getReferenceCaseSpecs(): CaseSpec[] {
  const data = makeLogregData();
  return [
    {
      id: "sgd-maximize-styblinski",
      optimizer: "sgd",
      hparams: { lr: 0.01, momentum: 0.5, maximize: true },
      objective: { name: "styblinski_tang" },
      x0: [0.8, -0.6, 1.2],
      steps: 200,
    },
    {
      id: "sgd-nesterov-wd-quadratic-n1",
      optimizer: "sgd",
      hparams: { lr: 0.1, momentum: 0.8, nesterov: true, weight_decay: 0.1 },
      objective: { name: "quadratic", args: { condition: 100 } },
      x0: [3],
      steps: 100,
    },
    {
      id: "rmsprop-centered-momentum-wd-beale",
      optimizer: "rmsprop",
      hparams: { lr: 0.002, alpha: 0.9, momentum: 0.6, centered: true, weight_decay: 0.01 },
      objective: { name: "beale" },
      x0: [1, 1.5],
      steps: 200,
    },
    {
      id: "rmsprop-plain-styblinski",
      optimizer: "rmsprop",
      hparams: {},
      objective: { name: "styblinski_tang" },
      x0: [1.5, -0.5],
      steps: 300,
    },
    {
      id: "adam-amsgrad-wd-rastrigin",
      optimizer: "adam",
      hparams: { lr: 0.01, amsgrad: true, weight_decay: 0.05 },
      objective: { name: "rastrigin", args: { A: 10 } },
      x0: [0.4, -0.3, 0.2],
      steps: 300,
    },
    {
      id: "adam-maximize-himmelblau",
      optimizer: "adam",
      hparams: { lr: 0.02, maximize: true },
      objective: { name: "himmelblau" },
      x0: [0.5, -0.5],
      steps: 300,
    },
    {
      id: "adagrad-wd-booth",
      optimizer: "adagrad",
      hparams: { lr: 0.5, weight_decay: 0.05, eps: 1e-9 },
      objective: { name: "booth" },
      x0: [-4, 6],
      steps: 200,
    },
    {
      id: "nadam-wd-styblinski",
      optimizer: "nadam",
      hparams: { lr: 0.01, weight_decay: 0.02, momentum_decay: 0.01 },
      objective: { name: "styblinski_tang" },
      x0: [1, -1, 0.5, -2],
      steps: 300,
    },
    {
      id: "radam-wd-beale",
      optimizer: "radam",
      hparams: { lr: 0.01, betas: [0.9, 0.99], weight_decay: 0.01 },
      objective: { name: "beale" },
      x0: [2, 0],
      steps: 300,
    },
    {
      id: "adamax-rastrigin",
      optimizer: "adamax",
      hparams: { lr: 0.01 },
      objective: { name: "rastrigin" },
      x0: [0.3, -0.2],
      steps: 200,
    },
    {
      id: "adadelta-wd-quadratic-n1",
      optimizer: "adadelta",
      hparams: { lr: 1, rho: 0.95, weight_decay: 0.1 },
      objective: { name: "quadratic" },
      x0: [2],
      steps: 300,
    },
    {
      id: "lion-wd-logreg-batches",
      optimizer: "lion",
      hparams: { lr: 0.003, betas: [0.9, 0.99], weight_decay: 0.1 },
      objective: { name: "logreg", args: { l2: 0.001 } },
      x0: [0.1, -0.1, 0.05, 0],
      steps: 300,
      data,
    },
    {
      id: "adamw-amsgrad-logreg-batches",
      optimizer: "adamw",
      hparams: { lr: 0.02, amsgrad: true },
      objective: { name: "logreg", args: { l2: 0.01 } },
      x0: [0.2, 0.1, -0.1, 0.05],
      steps: 300,
      data,
    },
  ];
}

/** Builds the extra golden file from the reference implementation. */
export function buildReferenceGoldenFile() {
  const cases = getReferenceCaseSpecs().map((spec) => {
    const grad = makeGrad(spec.objective.name, spec.objective.args ?? {}, spec.data);
    const step = makeStep(spec.optimizer, spec.hparams, spec.x0.length);
    const keep = new Set(getCheckpointSteps(spec.steps));
    const checkpoints: Record<string, Vec> = {};
    let x = [...spec.x0];
    for (let k = 1; k <= spec.steps; k++) {
      x = step(x, grad(x, k), k);
      if (keep.has(k)) checkpoints[String(k)] = x;
    }
    return { ...spec, checkpoints };
  });
  return {
    format: "optim-golden/1",
    source: "tests/golden-reference.ts: independent textbook-order float64 implementation (not PyTorch)",
    dtype: "float64",
    cases,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2] ?? "tests/fixtures/golden-extra.json";
  writeFileSync(out, `${JSON.stringify(buildReferenceGoldenFile(), null, 1)}\n`);
  console.log(`wrote ${out}`);
}
