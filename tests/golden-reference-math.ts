// Independent, deliberately plain objectives and optimizers for the reference golden cases, written from
// the papers' / PyTorch docs' formulas in textbook order; shares no code with lib/.
export type Vec = number[];
export type Args = Record<string, number>;
export interface Data {
  X: number[][];
  y: number[];
  batches?: number[][];
}
type Grad = (x: Vec, k: number) => Vec;

export function makeGrad(name: string, args: Args, data?: Data): Grad {
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
export type H = Record<string, number | boolean | number[]>;

function num(h: H, key: string, fallback: number): number {
  const v = h[key];
  return typeof v === "number" ? v : fallback;
}
function betas(h: H, fallback: [number, number]): [number, number] {
  const v = h.betas;
  return Array.isArray(v) ? [v[0] ?? fallback[0], v[1] ?? fallback[1]] : fallback;
}

/** Textbook update rules with PyTorch 1.13 conventions (L2 added to the gradient, eps placement). */
export function makeStep(name: string, h: H, n: number): Step {
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
