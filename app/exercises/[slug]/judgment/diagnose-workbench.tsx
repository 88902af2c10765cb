"use client";

import { useState } from "react";
import { LineChart } from "@/app/components/figures/line-chart";
import { formatNumber } from "@/lib/judgment/curves";
import type { CurveView } from "@/lib/judgment/view.server";
import styles from "./judgment.module.css";
import { JudgmentVerdict, PastAnswers } from "./judgment-verdict";
import { useJudgmentSubmission } from "./use-judgment-submission";

const COLORS = { train: "var(--series-1)", validation: "var(--series-2)" } as const;

/** About eleven evenly spaced steps of a curve, for the table under it. */
function sampleSteps(length: number): number[] {
  const last = length - 1;
  return [...new Set(Array.from({ length: 11 }, (_, i) => Math.round((i * last) / 10)))];
}

function CurvePlot({ curve }: { curve: CurveView }) {
  const all = curve.series
    .flatMap((s) => s.values)
    .filter((v) => Number.isFinite(v) && (!curve.yLog || v > 0));
  const low = Math.min(...all);
  const high = Math.max(...all);
  const steps = (curve.series[0]?.values.length ?? 1) - 1;
  const yDomain: [number, number] = curve.yLog ? [low / 2, high * 2] : [0, high * 1.05];
  const sampled = sampleSteps(steps + 1);
  return (
    <>
      <LineChart
        series={curve.series.map((s) => ({
          key: s.key,
          color: COLORS[s.key],
          xs: s.values.map((_, i) => i),
          ys: s.values,
          dashed: s.key === "validation",
        }))}
        xDomain={[0, steps]}
        yDomain={yDomain}
        yLog={curve.yLog}
        xLabel="step"
        yLabel={curve.yLog ? "loss (log scale)" : "loss"}
        ariaLabel={`Loss curve of ${curve.title}. ${curve.description}`}
      />
      {curve.series.length > 1 ? (
        <ul className={styles.legend} aria-label="Legend">
          {curve.series.map((s) => (
            <li key={s.key}>
              <span
                className={s.key === "validation" ? styles.swatchDashed : styles.swatch}
                style={{ color: COLORS[s.key] }}
              />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <details className={styles.values}>
        <summary>The curve as text</summary>
        <p>{curve.description}</p>
        <table>
          <caption className="visually-hidden">Loss at evenly spaced steps of {curve.title}</caption>
          <thead>
            <tr>
              <th scope="col">step</th>
              {curve.series.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sampled.map((step) => (
              <tr key={step}>
                <th scope="row">{step}</th>
                {curve.series.map((s) => (
                  <td key={s.key}>{formatNumber(s.values[step] ?? Number.NaN)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** The curves to diagnose, a choice of causes under each, and the server's verdict per curve. */
export function DiagnoseWorkbench({
  slug,
  choices,
  curves,
}: {
  slug: string;
  choices: Array<{ id: string; label: string }>;
  curves: CurveView[];
}) {
  const [answer, setAnswer] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState(false);
  const { pending, result, error, history, submit } = useJudgmentSubmission(slug);
  const unanswered = curves.filter((curve) => !answer[curve.id]);
  return (
    <form
      className={styles.workbench}
      aria-labelledby="diagnose-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setMissing(unanswered.length > 0);
        if (unanswered.length === 0) void submit(answer);
      }}
    >
      <h2 id="diagnose-heading">The runs</h2>
      {curves.map((curve, index) => {
        const test = result?.tests[index];
        return (
          <fieldset key={curve.id} className={styles.curve} data-testid={`curve-${curve.id}`}>
            <legend>{curve.title}</legend>
            <CurvePlot curve={curve} />
            <div className={styles.choices}>
              <p className={styles.choicesLabel}>What went wrong?</p>
              {choices.map((choice) => (
                <label key={choice.id} className={styles.choice}>
                  <input
                    type="radio"
                    name={curve.id}
                    value={choice.id}
                    checked={answer[curve.id] === choice.id}
                    onChange={() => setAnswer((old) => ({ ...old, [curve.id]: choice.id }))}
                  />
                  {choice.label}
                </label>
              ))}
            </div>
            {test ? (
              <p className={test.status === "pass" ? styles.feedbackPass : styles.feedbackFail}>
                <strong>{test.status === "pass" ? "Right: " : "Not quite. "}</strong>
                {test.message}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      {missing && unanswered.length > 0 ? (
        <p className={styles.error} role="alert">
          Choose a cause for {unanswered.map((curve) => curve.title.split(":")[0]).join(", ")} first.
        </p>
      ) : null}
      <div className={styles.toolbar}>
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>
          {pending ? "Grading…" : "Submit diagnoses"}
        </button>
      </div>
      <JudgmentVerdict result={result} error={error} />
      <PastAnswers rows={history} vocabulary={{ kind: "diagnose", curves, choices }} />
    </form>
  );
}
