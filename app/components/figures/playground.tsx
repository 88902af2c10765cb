"use client";

import { type CSSProperties, useMemo, useState } from "react";
import { ContourPlot } from "./contour-plot";
import styles from "./figures.module.css";
import { LineChart } from "./line-chart";
import { formatNumber, OptimizerControls } from "./optimizer-controls";
import {
  computeSeries,
  createPlaygroundObjective,
  type FigureHparams,
  getDefaultStart,
  getMinimumValue,
  getObjectiveNameInSentence,
  isPlaygroundObjective,
  type OptimizerSetup,
  resolveOptimizerSetup,
} from "./trajectories";
import { useAnimation } from "./use-animation";

/** Props of Playground: a 2-D objective and up to four optimizers or presets ("momentum", "nesterov"). */
export interface PlaygroundProps {
  objective: string;
  optimizers?: readonly string[];
  start?: readonly [number, number];
  steps?: number;
}

/** The plot colours of series 1..4 (CSS variables, light and dark). */
export const SERIES_COLORS = ["var(--series-1)", "var(--series-2)", "var(--series-3)", "var(--series-4)"];
// Floor of the log loss axis: gaps below it are "converged" for the picture.
const LOSS_FLOOR = 1e-12;

interface Slot extends OptimizerSetup {
  readonly key: string;
}

function createSlots(objective: string, entries: readonly string[]): Slot[] {
  if (!isPlaygroundObjective(objective)) return [];
  const slots: Slot[] = [];
  entries.slice(0, 4).forEach((entry, i) => {
    const setup = resolveOptimizerSetup(entry, objective);
    if (setup) slots.push({ ...setup, key: `${i}-${entry}` });
  });
  return slots;
}

/** Optimizers racing on a 2-D objective: contours, animated trajectories, loss curves, live hyper-parameters. */
export function Playground(props: PlaygroundProps) {
  const { objective: name, optimizers = ["sgd", "momentum", "adam"], steps = 300 } = props;
  const objective = useMemo(
    () => (isPlaygroundObjective(name) ? createPlaygroundObjective(name) : null),
    [name],
  );
  const [start, setStart] = useState<[number, number]>(() =>
    props.start
      ? [props.start[0], props.start[1]]
      : isPlaygroundObjective(name)
        ? getDefaultStart(name)
        : [0, 0],
  );
  const [slots, setSlots] = useState(() => createSlots(name, optimizers));
  const animation = useAnimation(steps);
  const { reset } = animation;
  const results = useMemo(
    () => (objective ? slots.map((slot) => computeSeries(objective, slot, start, steps)) : []),
    [objective, slots, start, steps],
  );
  const fmin = useMemo(() => (objective ? getMinimumValue(objective) : null), [objective]);

  if (!objective?.box) {
    return (
      <figure className={styles.figure}>
        <p className={styles.error}>Unknown 2-D objective “{name}”.</p>
        <figcaption className={styles.caption}>Optimizer playground</figcaption>
      </figure>
    );
  }
  const box = objective.box;
  const unknown = isPlaygroundObjective(name)
    ? optimizers.slice(0, 4).filter((entry) => resolveOptimizerSetup(entry, name) === null)
    : [];
  const frame = animation.frame;
  const updateSlot = (index: number, hparams: FigureHparams) =>
    setSlots((current) => current.map((s, i) => (i === index ? { ...s, hparams } : s)));
  const changeStart = (next: [number, number]) => {
    setStart(next);
    reset();
  };
  const offset =
    fmin ?? Math.min(...results.flatMap((r) => (r.losses.length ? [Math.min(...r.losses)] : [])));
  const gaps = results.map((r) => r.losses.slice(0, frame + 1).map((v) => Math.max(LOSS_FLOOR, v - offset)));
  const gapMax = Math.max(1, ...gaps.map((g) => (g.length ? Math.max(...g) : 1)));
  const label = slots.map((s) => s.label).join(", ");
  const objectiveName = getObjectiveNameInSentence(objective);
  const minimaMark = objective.minima?.length === 1 ? "the minimum" : "the minima";
  const describeResult = (i: number): string => {
    const r = results[i];
    if (!r) return "";
    if (r.error) return "invalid hyper-parameters";
    if (r.divergedAt !== null && frame >= r.divergedAt) return `diverged at step ${r.divergedAt}`;
    const k = Math.min(frame, r.xs.length - 1);
    return `(${formatNumber(r.xs[k] as number)}, ${formatNumber(r.ys[k] as number)})`;
  };

  return (
    <figure className={styles.figure}>
      <div className={styles.plots}>
        <ContourPlot
          objective={objective}
          box={box}
          frame={frame}
          start={start}
          onStartChange={changeStart}
          trajectories={results.map((r, i) => ({
            key: slots[i]?.key ?? String(i),
            color: SERIES_COLORS[i] ?? "var(--fg)",
            xs: r.xs,
            ys: r.ys,
          }))}
          ariaLabel={`Contour plot of the ${objectiveName} function with the paths of ${label} from (${formatNumber(start[0])}, ${formatNumber(start[1])}). Click, or focus and use the arrow keys then Enter, to choose the start.`}
        />
        <LineChart
          series={gaps.map((g, i) => ({
            key: slots[i]?.key ?? String(i),
            color: SERIES_COLORS[i] ?? "var(--fg)",
            xs: Array.from(g, (_, k) => k),
            ys: g,
          }))}
          xDomain={[0, steps]}
          yDomain={[LOSS_FLOOR, gapMax]}
          yLog
          xLabel="step"
          yLabel={fmin !== null ? "f(x) − f*" : "f(x) − min f"}
          ariaLabel={`Loss versus step on a log scale for ${label}, up to step ${frame}.`}
        />
      </div>
      <ul className={styles.legend} aria-label="Legend">
        {slots.map((slot, i) => (
          <li key={slot.key}>
            <span className={styles.swatch} style={{ "--swatch-color": SERIES_COLORS[i] } as CSSProperties} />
            {slot.label}: <span className={styles.value}>{describeResult(i)}</span>
            {results[i]?.divergedAt != null && frame >= (results[i]?.divergedAt ?? 0) && (
              <span className={styles.badge}>diverged</span>
            )}
          </li>
        ))}
      </ul>
      <div className={styles.toolbar}>
        <button type="button" className="button" onClick={animation.toggle} aria-pressed={animation.playing}>
          {animation.playing ? "Pause" : "Play"}
        </button>
        <button type="button" className="button" onClick={animation.stepOnce}>
          Step
        </button>
        <button type="button" className="button" onClick={reset}>
          Reset
        </button>
        <output className={styles.stat} data-testid="step-counter">
          Step {frame} / {steps}
        </output>
      </div>
      {unknown.length > 0 && (
        <p className={styles.error} role="alert">
          Unknown optimizer {unknown.map((u) => JSON.stringify(u)).join(", ")} (expected an optimizer name,
          “momentum” or “nesterov”).
        </p>
      )}
      <div className={styles.slots}>
        {slots.map((slot, i) => (
          <div key={slot.key}>
            <OptimizerControls
              label={slot.label}
              color={SERIES_COLORS[i] ?? "var(--fg)"}
              optimizer={slot.optimizer}
              hparams={slot.hparams}
              onChange={(h) => updateSlot(i, h)}
            />
            {results[i]?.error && (
              <p className={styles.error} role="alert">
                {results[i]?.error}
              </p>
            )}
          </div>
        ))}
      </div>
      <figcaption className={styles.caption}>
        {slots.map((s) => s.label).join(" vs ")} on the {objectiveName} function for {steps} steps. Click the
        contour plot (or focus it, move with the arrow keys and press Enter) to choose the start; ▲ marks{" "}
        {minimaMark}.
      </figcaption>
    </figure>
  );
}
