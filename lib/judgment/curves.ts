import type { CurveRun } from "../content/judgment-schema";
import { createObjective } from "../objectives";
import { runTrajectory } from "../optim";
import { makeClassificationData } from "./data";

/** One line of a loss curve: the loss after each step, 0 = before the first. */
export type CurveSeries = { key: "train" | "validation"; label: string; values: number[] };

/**
 * Runs the core as the curve's spec says and returns its loss curves: the objective's loss, or for
 * logistic regression on generated data the training loss and the loss on the held-out rows at the
 * same parameters.
 */
export function computeCurve(run: CurveRun): CurveSeries[] {
  if (run.data) {
    const { train, validation } = makeClassificationData(run.data);
    const objective = createObjective("logreg", {}, { data: train });
    const held = createObjective("logreg", {}, { data: validation });
    const dim = (train.X[0]?.length ?? 1) as number;
    const trajectory = runTrajectory({
      optimizer: run.optimizer,
      hparams: run.hparams,
      objective,
      x0: new Array<number>(dim).fill(0),
      steps: run.steps,
      schedule: run.schedule,
    });
    const points = [...trajectory.points.keys()].sort((a, b) => a - b).map((k) => trajectory.points.get(k));
    return [
      { key: "train", label: "training loss", values: Array.from(trajectory.losses) },
      {
        key: "validation",
        label: "validation loss",
        values: points.map((p) => (p ? held.value(p) : Number.NaN)),
      },
    ];
  }
  const { objective: spec, x0 = [] } = run;
  if (!spec) throw new Error("a curve needs an objective or data");
  const objective = createObjective(spec.name, spec.args, { dim: x0.length });
  const trajectory = runTrajectory({
    optimizer: run.optimizer,
    hparams: run.hparams,
    objective,
    x0,
    steps: run.steps,
    schedule: run.schedule,
    record: [],
  });
  return [{ key: "train", label: "training loss", values: Array.from(trajectory.losses) }];
}

/** A number for a sentence: 3 significant digits, exponent form when very small or large. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return value > 0 ? "∞" : Number.isNaN(value) ? "not a number" : "−∞";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e5) return String(Number(value.toPrecision(digits)));
  const [mantissa, exponent = "0"] = value.toExponential(digits - 1).split("e");
  const superscript = [...String(Number(exponent))].map((c) => SUPERSCRIPTS[c] ?? c).join("");
  return `${mantissa} × 10${superscript}`;
}

const SUPERSCRIPTS: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/**
 * The text alternative of a loss curve: for each line where it starts, its lowest and highest
 * points and where it ends, with no reading of the cause (that is the learner's job).
 */
export function describeCurve(series: readonly CurveSeries[]): string {
  return series
    .map(({ label, values }) => {
      const steps = values.length - 1;
      let low = 0;
      let high = 0;
      values.forEach((v, i) => {
        if (v < (values[low] as number)) low = i;
        if (v > (values[high] as number)) high = i;
      });
      const at = (i: number) => `${formatNumber(values[i] as number)} at step ${i}`;
      return (
        `${label[0]?.toUpperCase()}${label.slice(1)} over ${steps} steps: starts at ${formatNumber(values[0] as number)}, ` +
        `lowest ${at(low)}, highest ${at(high)}, ends at ${formatNumber(values[steps] as number)}.`
      );
    })
    .join(" ");
}
