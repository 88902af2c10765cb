import { createObjective, isObjectiveName, type LogregData } from "@/lib/objectives";
import { createOptimizer, isOptimizerName } from "@/lib/optim";

/** Props shared by <WorkedExample> and <WorkedValue>: one run of the reference core. */
export interface WorkedRunProps {
  optimizer: string;
  hparams?: Record<string, unknown>;
  objective: string;
  args?: Record<string, unknown>;
  /** Data for the logreg objective (rows, labels, optional batches). */
  data?: LogregData;
  x0: number[];
  steps: number;
}

/** The state after one step: parameters, the gradient that step used, the loss at the new point, optimizer buffers. */
export interface WorkedStep {
  step: number;
  params: number[];
  /** Gradient at the previous point (batch `step` for logreg); null for step 0. */
  gradient: number[] | null;
  loss: number;
  state: Record<string, number[] | number>;
}

function copyState(
  state: Readonly<Record<string, Float64Array | number>>,
): Record<string, number[] | number> {
  const out: Record<string, number[] | number> = {};
  for (const [key, value] of Object.entries(state)) {
    if (key === "step") continue;
    out[key] = typeof value === "number" ? value : Array.from(value);
  }
  return out;
}

/**
 * Runs the reference core step by step exactly as runTrajectory does (gradient at x_{k-1}, batch k,
 * then one step), keeping each step's gradient and optimizer state. Throws naming the bad prop.
 */
export function computeWorkedSteps(props: WorkedRunProps): WorkedStep[] {
  if (!isOptimizerName(props.optimizer))
    throw new Error(`WorkedExample: unknown optimizer "${props.optimizer}".`);
  if (!isObjectiveName(props.objective))
    throw new Error(`WorkedExample: unknown objective "${props.objective}".`);
  if (!Number.isInteger(props.steps) || props.steps < 0 || props.steps > 50) {
    throw new Error(`WorkedExample: steps must be an integer from 0 to 50, got ${props.steps}.`);
  }
  const objective = createObjective(props.objective, props.args, { dim: props.x0.length, data: props.data });
  const x = Float64Array.from(props.x0);
  const grad = new Float64Array(x.length);
  const optimizer = createOptimizer(props.optimizer, x.length, props.hparams);
  const rows: WorkedStep[] = [
    { step: 0, params: Array.from(x), gradient: null, loss: objective.value(x), state: {} },
  ];
  for (let k = 1; k <= props.steps; k++) {
    objective.gradient(x, grad, k);
    const used = Array.from(grad);
    optimizer.step(x, grad);
    rows.push({
      step: k,
      params: Array.from(x),
      gradient: used,
      loss: objective.value(x),
      state: copyState(optimizer.state()),
    });
  }
  return rows;
}

/** A number for display with `digits` significant digits, without trailing zeros. */
export function formatNumber(value: number, digits = 4): string {
  if (value === 0) return "0";
  if (!Number.isFinite(value)) return String(value);
  const fixed = value.toPrecision(digits);
  if (fixed.includes("e")) {
    const [mantissa = "", exponent = ""] = fixed.split("e");
    return `${mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa}e${exponent}`;
  }
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** A vector for display: `[a, b]`, or the number itself for length 1. */
export function formatVector(values: readonly number[] | number, digits = 4): string {
  if (typeof values === "number") return formatNumber(values, digits);
  if (values.length === 1) return formatNumber(values[0] ?? 0, digits);
  return `[${values.map((v) => formatNumber(v, digits)).join(", ")}]`;
}
