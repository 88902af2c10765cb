"use client";

import { useId, useMemo, useState } from "react";
import { createSchedule, type ScheduleSpec } from "@/lib/optim";
import styles from "./figures.module.css";
import { LineChart } from "./line-chart";

/** The schedules a SchedulePlotter offers. */
export type PlottedSchedule = "step" | "exponential" | "cosine" | "linear-warmup" | "warmup-cosine";

interface ParamSpec {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

const BASE_LR = 0.1;

const SCHEDULES: Record<PlottedSchedule, { label: string; params: readonly ParamSpec[] }> = {
  step: {
    label: "Step decay",
    params: [
      { key: "stepSize", label: "step size", min: 1, max: 100, step: 1 },
      { key: "gamma", label: "γ", min: 0.05, max: 1, step: 0.05 },
    ],
  },
  exponential: {
    label: "Exponential",
    params: [{ key: "gamma", label: "γ", min: 0.9, max: 1, step: 0.001 }],
  },
  cosine: {
    label: "Cosine",
    params: [
      { key: "tMax", label: "T_max", min: 1, max: 400, step: 1 },
      { key: "etaMin", label: "η_min", min: 0, max: BASE_LR, step: 0.005 },
    ],
  },
  "linear-warmup": {
    label: "Linear warmup",
    params: [
      { key: "warmupSteps", label: "warmup steps", min: 1, max: 200, step: 1 },
      { key: "startFactor", label: "start factor", min: 0.01, max: 1, step: 0.01 },
    ],
  },
  "warmup-cosine": {
    label: "Warmup then cosine",
    params: [
      { key: "warmupSteps", label: "warmup steps", min: 0, max: 200, step: 1 },
      { key: "totalSteps", label: "total steps", min: 1, max: 400, step: 1 },
      { key: "minLr", label: "min lr", min: 0, max: BASE_LR, step: 0.005 },
    ],
  },
};

const INITIAL: Record<string, number> = {
  stepSize: 60,
  gamma: 0.5,
  tMax: 200,
  etaMin: 0,
  warmupSteps: 20,
  startFactor: 0.1,
  totalSteps: 200,
  minLr: 0,
};
const EXPONENTIAL_GAMMA = 0.99;

/** Props of SchedulePlotter. */
export interface SchedulePlotterProps {
  /** Initially selected schedule (default warmup-cosine). */
  schedule?: PlottedSchedule;
  /** Number of steps plotted (default 250). */
  steps?: number;
}

function buildSpec(type: PlottedSchedule, values: Record<string, number>): ScheduleSpec {
  const params: Record<string, number> = {};
  for (const p of SCHEDULES[type].params) params[p.key] = values[`${type}.${p.key}`] ?? INITIAL[p.key] ?? 0;
  if (type === "exponential" && values["exponential.gamma"] === undefined) params.gamma = EXPONENTIAL_GAMMA;
  return { type, ...params } as ScheduleSpec;
}

/** Learning rate versus step for a chosen schedule, computed with the core's createSchedule. */
export function SchedulePlotter({ schedule = "warmup-cosine", steps = 250 }: SchedulePlotterProps) {
  const id = useId();
  const [type, setType] = useState<PlottedSchedule>(schedule);
  const [values, setValues] = useState<Record<string, number>>({});
  const spec = useMemo(() => buildSpec(type, values), [type, values]);
  const result = useMemo(() => {
    try {
      const lr = createSchedule(BASE_LR, spec);
      const ys = Float64Array.from({ length: steps }, (_, t) => lr(t));
      return { ys, error: null };
    } catch (error) {
      return { ys: new Float64Array(0), error: error instanceof Error ? error.message : String(error) };
    }
  }, [spec, steps]);
  const xs = Array.from({ length: result.ys.length }, (_, t) => t);
  const { label, params } = SCHEDULES[type];
  return (
    <figure className={styles.figure}>
      <LineChart
        series={[{ key: type, color: "var(--series-1)", xs, ys: result.ys }]}
        xDomain={[0, steps - 1]}
        yDomain={[0, BASE_LR * 1.05]}
        xLabel="step t (0-based)"
        yLabel="learning rate"
        height={240}
        ariaLabel={`Learning rate versus step for the ${label.toLowerCase()} schedule with base lr ${BASE_LR}: ${describeSpec(spec)}.`}
      />
      {result.error && (
        <p className={styles.error} role="alert">
          {result.error}
        </p>
      )}
      <div className={styles.controls}>
        <label className={styles.field} htmlFor={`${id}-type`}>
          <span>schedule</span>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as PlottedSchedule)}
          >
            {(Object.keys(SCHEDULES) as PlottedSchedule[]).map((k) => (
              <option key={k} value={k}>
                {SCHEDULES[k].label}
              </option>
            ))}
          </select>
        </label>
        {params.map((p) => {
          const value = (spec as Record<string, unknown>)[p.key] as number;
          return (
            <label key={`${type}.${p.key}`} className={styles.field} htmlFor={`${id}-${p.key}`}>
              <span>
                {p.label} <span className={styles.value}>{value}</span>
              </span>
              <input
                id={`${id}-${p.key}`}
                type="range"
                min={p.min}
                max={Math.min(p.max, p.step === 1 ? steps : p.max)}
                step={p.step}
                value={value}
                onChange={(e) => {
                  const next = Number(e.currentTarget.value);
                  setValues((v) => ({ ...v, [`${type}.${p.key}`]: next }));
                }}
              />
            </label>
          );
        })}
      </div>
      <figcaption className={styles.caption}>
        {label} schedule from a base learning rate of {BASE_LR}, as lr(t) for the 0-based step t — the same
        createSchedule the exercises are graded with.
      </figcaption>
    </figure>
  );
}

function describeSpec(spec: ScheduleSpec): string {
  return Object.entries(spec)
    .filter(([k]) => k !== "type")
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}
