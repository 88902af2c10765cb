"use client";

import { useState } from "react";
import { LineChart } from "@/app/components/figures/line-chart";
import styles from "./interview.module.css";
import type { ItemFormProps } from "./item-forms";

type Curve = {
  id: string;
  title: string;
  yLog: boolean;
  series: Array<{ key: string; label: string; values: number[] }>;
  description: string;
};

function CurvePlot({ curve }: { curve: Curve }) {
  const values = curve.series
    .flatMap((s) => s.values)
    .filter((v) => Number.isFinite(v) && (!curve.yLog || v > 0));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const steps = Math.max(1, ...curve.series.map((s) => s.values.length - 1));
  return (
    <figure className={styles.curve}>
      <LineChart
        series={curve.series.map((s, i) => ({
          key: s.key,
          color: `var(--series-${i + 1})`,
          xs: s.values.map((_, step) => step),
          ys: s.values,
          dashed: s.key === "validation",
        }))}
        xDomain={[0, steps]}
        yDomain={curve.yLog ? [low, high] : [Math.min(0, low), high]}
        yLog={curve.yLog}
        xLabel="step"
        yLabel="loss"
        ariaLabel={`${curve.title}. ${curve.description}`}
      />
    </figure>
  );
}

/** An exercise of judgment inside the interview: diagnose curves, predict numbers, or tune. */
export function JudgmentForm({ item, locked, pending, onSubmit }: ItemFormProps) {
  const view = item.judgment;
  const [answer, setAnswer] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(
        (item.answered?.answer as { answer?: Record<string, unknown> } | undefined)?.answer ?? {},
      ).map(([k, v]) => [k, String(v)]),
    ),
  );
  if (!view) return <p className="muted">This exercise is not available.</p>;
  const set = (key: string, value: string) => setAnswer((old) => ({ ...old, [key]: value }));
  const numbers = () => Object.fromEntries(Object.entries(answer).map(([k, v]) => [k, Number(v)]));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (view.kind === "diagnose") onSubmit({ answer });
        else if (view.kind === "tune")
          onSubmit({
            answer: Object.fromEntries(view.params.map((p) => [p.name, Number(answer[p.name] ?? p.default)])),
          });
        else onSubmit({ answer: numbers() });
      }}
    >
      <p className="muted">From the exercise “{view.title}”.</p>
      {view.kind === "diagnose"
        ? view.curves.map((curve) => (
            <fieldset key={curve.id} className={styles.options} disabled={locked}>
              <legend>{curve.title}</legend>
              <CurvePlot curve={curve} />
              {view.choices.map((choice) => (
                <label key={choice.id} className={styles.option}>
                  <input
                    type="radio"
                    name={`${item.id}-${curve.id}`}
                    checked={answer[curve.id] === choice.id}
                    onChange={() => set(curve.id, choice.id)}
                  />
                  {choice.label}
                </label>
              ))}
            </fieldset>
          ))
        : null}
      {view.kind === "predict"
        ? view.questions.map((q) => (
            <label key={q.id} className={styles.field}>
              {q.prompt} <span className="muted">({q.tolerance})</span>
              <input
                type="text"
                inputMode="decimal"
                value={answer[q.id] ?? ""}
                disabled={locked}
                onChange={(e) => set(q.id, e.target.value)}
              />
            </label>
          ))
        : null}
      {view.kind === "tune"
        ? view.params.map((p) => (
            <label key={p.name} className={styles.field}>
              {p.label}{" "}
              <span className="muted">
                ({p.min} to {p.max})
              </span>
              <input
                type="number"
                step="any"
                min={p.min}
                max={p.max}
                value={answer[p.name] ?? String(p.default)}
                disabled={locked}
                onChange={(e) => set(p.name, e.target.value)}
              />
            </label>
          ))
        : null}
      <button type="submit" className="button primary" disabled={locked || pending}>
        {pending ? "Grading…" : "Submit answer"}
      </button>
    </form>
  );
}
