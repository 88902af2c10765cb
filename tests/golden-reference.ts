// Builds extra `optim-golden/1` cases (objectives and hyper-parameters the public file lacks) with the
// independent implementation in golden-reference-math.ts, to check the core against.
// Run directly to (re)write the fixture: npx tsx tests/golden-reference.ts tests/fixtures/golden-extra.json
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Args, type Data, type H, makeGrad, makeStep, type Vec } from "./golden-reference-math";

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
