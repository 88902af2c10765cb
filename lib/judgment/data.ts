import type { LogregData } from "../objectives";
import { createRandom } from "../random";
import type { DataSpec } from "../content/judgment-schema";

/** Training and validation rows of a seeded synthetic classification set. */
export type SplitData = { train: LogregData; validation: LogregData };

/**
 * A seeded binary classification set: features ~ N(0, 1) (Box–Muller on lib/random), a bias column
 * of ones, labels from a random linear rule with `labelNoise` of them flipped. With few rows and
 * many features, logistic regression without weight decay can fit the training rows, noise included.
 */
export function makeClassificationData(spec: DataSpec): SplitData {
  const random = createRandom(spec.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const weights = Array.from({ length: spec.features }, gauss);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < spec.rows; i++) {
    const row = Array.from({ length: spec.features }, gauss);
    const z = row.reduce((sum, v, j) => sum + v * (weights[j] as number), 0);
    const label = z > 0 ? 1 : 0;
    X.push([...row, 1]);
    y.push(random() < spec.labelNoise ? 1 - label : label);
  }
  const cut = Math.min(spec.trainRows, spec.rows - 1);
  return {
    train: { X: X.slice(0, cut), y: y.slice(0, cut) },
    validation: { X: X.slice(cut), y: y.slice(cut) },
  };
}
