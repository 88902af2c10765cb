"use client";

import { type CSSProperties, useId, useMemo, useState } from "react";
import styles from "./figures.module.css";
import { LineChart } from "./line-chart";
import { computeEma, createNoisySignal, getEffectiveWindow } from "./signal";

const LENGTH = 120;

/** Props of MovingAverageExplorer. */
export interface MovingAverageExplorerProps {
  /** Initial β (default 0.9). */
  beta?: number;
  /** Seed of the noise (default 1). */
  seed?: number;
}

/** A noisy signal with its exponential moving average, with and without bias correction, for a chosen β. */
export function MovingAverageExplorer({
  beta: initialBeta = 0.9,
  seed: initialSeed = 1,
}: MovingAverageExplorerProps) {
  const id = useId();
  const [beta, setBeta] = useState(initialBeta);
  const [seed, setSeed] = useState(initialSeed);
  const signal = useMemo(() => createNoisySignal(LENGTH, seed), [seed]);
  const raw = useMemo(() => computeEma(signal, beta, false), [signal, beta]);
  const corrected = useMemo(() => computeEma(signal, beta, true), [signal, beta]);
  const steps = Array.from({ length: LENGTH }, (_, t) => t + 1);
  const yMax = Math.ceil(Math.max(...signal) + 0.5);
  const effectiveWindow = getEffectiveWindow(beta);
  const series = [
    { key: "signal", label: "signal", color: "var(--fg-muted)", xs: steps, ys: signal, faint: true },
    {
      key: "ema",
      label: "EMA without bias correction",
      color: "var(--series-2)",
      xs: steps,
      ys: raw,
      dashed: true,
    },
    {
      key: "ema-corrected",
      label: "EMA with bias correction",
      color: "var(--series-1)",
      xs: steps,
      ys: corrected,
    },
  ];
  return (
    <figure className={styles.figure}>
      <LineChart
        series={series}
        xDomain={[1, LENGTH]}
        yDomain={[0, yMax]}
        xLabel="step t"
        yLabel="value"
        height={260}
        ariaLabel={`A noisy signal around 10 over ${LENGTH} steps with its exponential moving average for β = ${beta}: without bias correction it starts near 0 and takes about ${Math.round(effectiveWindow)} steps to catch up; with bias correction it follows the signal from the first step.`}
      />
      <ul className={styles.legend} aria-label="Legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className={styles.swatch} style={{ "--swatch-color": s.color } as CSSProperties} />
            {s.label}
          </li>
        ))}
      </ul>
      <div className={styles.controls}>
        <label className={styles.field} htmlFor={`${id}-beta`}>
          <span>
            β <span className={styles.value}>{beta.toFixed(3)}</span>
          </span>
          <input
            id={`${id}-beta`}
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={beta}
            onChange={(e) => setBeta(Number(e.currentTarget.value))}
          />
        </label>
        <p className={styles.stat}>
          Effective window 1/(1−β) ≈{" "}
          <output className={styles.value} data-testid="effective-window">
            {effectiveWindow.toFixed(1)}
          </output>{" "}
          steps
        </p>
        <button type="button" className="button" onClick={() => setSeed((s) => s + 1)}>
          New noise
        </button>
      </div>
      <figcaption className={styles.caption}>
        Exponential moving average v<sub>t</sub> = β v<sub>t−1</sub> + (1 − β) x<sub>t</sub> started at v
        <sub>0</sub> = 0 (dashed), and the bias-corrected v<sub>t</sub> / (1 − β<sup>t</sup>) that Adam uses
        (solid).
      </figcaption>
    </figure>
  );
}
