"use client";

import { type CSSProperties, useId, useMemo, useState } from "react";
import { ContourPlot } from "./contour-plot";
import styles from "./figures.module.css";
import { LineChart } from "./line-chart";
import { formatNumber } from "./optimizer-controls";
import {
  computeSeries,
  createPlaygroundObjective,
  getDefaultStart,
  getObjectiveNameInSentence,
} from "./trajectories";

/** Props of WeightDecayComparison. */
export interface WeightDecayComparisonProps {
  /** The problem (default rosenbrock, whose minimum (1, 1) is away from the origin). */
  objective?: "rosenbrock" | "quadratic";
  /** Initial weight-decay coefficient (default 0.1). */
  weightDecay?: number;
  steps?: number;
}

const LR = 0.1;
const VARIANTS = [
  {
    key: "adam-l2",
    label: "Adam + L2 (weight_decay in the gradient)",
    optimizer: "adam",
    color: "var(--series-1)",
  },
  { key: "adamw", label: "AdamW (decoupled weight_decay)", optimizer: "adamw", color: "var(--series-2)" },
] as const;

/** Adam with L2 weight decay next to AdamW's decoupled decay at the same coefficient, with the parameter norm. */
export function WeightDecayComparison(props: WeightDecayComparisonProps) {
  const { objective: name = "rosenbrock", weightDecay = 0.1, steps = 1000 } = props;
  const id = useId();
  const [wd, setWd] = useState(weightDecay);
  const objective = useMemo(() => createPlaygroundObjective(name), [name]);
  const start = useMemo(() => getDefaultStart(name), [name]);
  const results = useMemo(
    () =>
      VARIANTS.map((v) =>
        computeSeries(
          objective,
          { optimizer: v.optimizer, hparams: { lr: LR, weight_decay: wd } },
          start,
          steps,
        ),
      ),
    [objective, start, steps, wd],
  );
  const norms = results.map((r) => Float64Array.from(r.xs, (x, k) => Math.hypot(x, r.ys[k] as number)));
  const normMax = Math.max(1, ...norms.map((n) => Math.max(0, ...n)));
  const box = objective.box ?? { x: [-2, 2], y: [-2, 2] };
  const final = (i: number): string => {
    const r = results[i];
    if (!r) return "";
    if (r.error) return r.error;
    if (r.divergedAt !== null) return `diverged at step ${r.divergedAt}`;
    const k = r.xs.length - 1;
    return `ends at (${formatNumber(r.xs[k] as number)}, ${formatNumber(r.ys[k] as number)}), ‖x‖ = ${formatNumber(norms[i]?.[k] ?? Number.NaN)}`;
  };
  return (
    <figure className={styles.figure}>
      <div className={styles.plots}>
        {VARIANTS.map((v, i) => (
          <ContourPlot
            key={v.key}
            objective={objective}
            box={box}
            frame={steps}
            start={start}
            trajectories={[
              { key: v.key, color: v.color, xs: results[i]?.xs ?? [], ys: results[i]?.ys ?? [] },
            ]}
            ariaLabel={`${v.label} on the ${getObjectiveNameInSentence(objective)} function, lr ${LR}, weight decay ${wd}: ${final(i)}.`}
          />
        ))}
      </div>
      <LineChart
        series={VARIANTS.map((v, i) => ({
          key: v.key,
          color: v.color,
          xs: Array.from(norms[i] ?? [], (_, k) => k),
          ys: norms[i] ?? [],
          dashed: i === 1,
        }))}
        xDomain={[0, steps]}
        yDomain={[0, normMax * 1.05]}
        xLabel="step"
        yLabel="‖x‖"
        height={220}
        ariaLabel={`Parameter norm versus step for Adam with L2 weight decay and for AdamW, weight decay ${wd}.`}
      />
      <ul className={styles.legend} aria-label="Legend">
        {VARIANTS.map((v, i) => (
          <li key={v.key}>
            <span className={styles.swatch} style={{ "--swatch-color": v.color } as CSSProperties} />
            {v.label}: <span className={styles.value}>{final(i)}</span>
          </li>
        ))}
      </ul>
      <div className={styles.controls}>
        <label className={styles.field} htmlFor={`${id}-wd`}>
          <span>
            weight_decay <span className={styles.value}>{wd}</span>
          </span>
          <input
            id={`${id}-wd`}
            type="range"
            min={0}
            max={1}
            step={0.01}
            value={wd}
            onChange={(e) => setWd(Number(e.currentTarget.value))}
          />
        </label>
      </div>
      <figcaption className={styles.caption}>
        The same {getObjectiveNameInSentence(objective)} problem, {steps} steps of lr {LR} from ({start[0]},{" "}
        {start[1]}): Adam adds weight_decay·x to the gradient, so the adaptive denominator rescales the decay;
        AdamW shrinks x by (1 − lr·weight_decay) directly, the same for every coordinate.
      </figcaption>
    </figure>
  );
}
