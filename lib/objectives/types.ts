/** Names of the objectives of the golden format. */
export type ObjectiveName =
  | "rosenbrock"
  | "quadratic"
  | "himmelblau"
  | "beale"
  | "booth"
  | "styblinski_tang"
  | "rastrigin"
  | "logreg"
  | "least_squares";

/** A plotting box for 2-D views: [min, max] per axis. */
export interface PlotBox {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** A differentiable objective over a flat Float64Array with an analytic gradient. */
export interface Objective {
  readonly name: ObjectiveName;
  /** Human-readable name. */
  readonly label: string;
  /** Fixed dimension, or null when any n is accepted (n >= 2 for rosenbrock). */
  readonly dim: number | null;
  /** f(x); `step` (1-based) selects the logreg batch, absent = the full objective. */
  value(x: Float64Array, step?: number): number;
  /** Writes the gradient into `out`; `step` as in value. Must not allocate. */
  gradient(x: Float64Array, out: Float64Array, step?: number): void;
  /** Number of examples, for objectives that are a mean of per-example losses (least_squares). */
  readonly examples?: number;
  /** Writes the gradient of example i's loss (0-based) into `out`. */
  exampleGradient?(i: number, x: Float64Array, out: Float64Array): void;
  /** The order in which a shuffling data loader visits the examples in a 0-based epoch (seeded). */
  epochOrder?(epoch: number): number[];
  /** Known global minima, when known for this dimension. */
  readonly minima?: readonly (readonly number[])[];
  /** Plotting box for the 2-D case. */
  readonly box?: PlotBox;
}

/** Throws a RangeError when x or out does not have the expected length; no allocation. */
export function assertObjectiveArgs(
  name: string,
  dim: number | null,
  x: Float64Array,
  out?: Float64Array,
): void {
  if (dim !== null && x.length !== dim) {
    throw new RangeError(`${name}: expected x of length ${dim}, got ${x.length}`);
  }
  if (out !== undefined && out.length !== x.length) {
    throw new RangeError(`${name}: gradient buffer has length ${out.length}, x has ${x.length}`);
  }
}
