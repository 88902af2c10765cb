"use client";

import { useId, useMemo, useState } from "react";
import { ContourPlot } from "@/app/components/figures/contour-plot";
import { LineChart } from "@/app/components/figures/line-chart";
import type { TuneParam } from "@/lib/content/judgment-schema";
import { formatNumber } from "@/lib/judgment/curves";
import { getDefaultValues, runTune, type TuneRun, type TuneSetup } from "@/lib/judgment/tune";
import { createObjective } from "@/lib/objectives";
import { JudgmentVerdict, PastAnswers } from "./judgment-verdict";
import styles from "./judgment.module.css";
import { useJudgmentSubmission } from "./use-judgment-submission";

const SLIDER_STEPS = 1000;

/** Slider position (0…SLIDER_STEPS) ↔ value, on a log scale for a learning rate. */
function toSlider(param: TuneParam, value: number): number {
  const t =
    param.scale === "log"
      ? Math.log(value / param.min) / Math.log(param.max / param.min)
      : (value - param.min) / (param.max - param.min);
  return Math.round(Math.min(1, Math.max(0, t)) * SLIDER_STEPS);
}
function fromSlider(param: TuneParam, position: number): number {
  const t = position / SLIDER_STEPS;
  const value =
    param.scale === "log"
      ? param.min * (param.max / param.min) ** t
      : param.min + t * (param.max - param.min);
  return param.scale === "log"
    ? Number(value.toPrecision(param.digits))
    : Number(value.toFixed(param.digits));
}

function ParamInput({
  param,
  value,
  onChange,
}: {
  param: TuneParam;
  value: number;
  onChange: (value: number) => void;
}) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // Keep the typed text while it is being edited; follow the slider otherwise.
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const step = param.scale === "log" ? "any" : 10 ** -param.digits;
  return (
    <div className={styles.param}>
      <label htmlFor={`${id}-number`}>{param.label}</label>
      <input
        type="range"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={toSlider(param, value)}
        onChange={(event) => onChange(fromSlider(param, Number(event.target.value)))}
        aria-label={`${param.label} (slider)`}
        aria-valuetext={String(value)}
      />
      <input
        id={`${id}-number`}
        type="number"
        inputMode="decimal"
        min={param.min}
        max={param.max}
        step={step}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const next = Number(event.target.value);
          if (
            event.target.value.trim() !== "" &&
            Number.isFinite(next) &&
            next >= param.min &&
            next <= param.max
          ) {
            setShown(next);
            onChange(next);
          }
        }}
      />
      <span className={styles.range}>
        {param.min} to {param.max}
        {param.scale === "log" ? ", slider on a log scale" : ""}
      </span>
    </div>
  );
}

/** Sliders for the hyper-parameters, the core's run previewed live, and the server's verdict. */
export function TuneWorkbench({ slug, setup }: { slug: string; setup: TuneSetup }) {
  const [values, setValues] = useState<Record<string, number>>(() => getDefaultValues(setup));
  const { pending, result, error, history, submit } = useJudgmentSubmission(slug);
  const objective = useMemo(
    () => createObjective(setup.objective.name, setup.objective.args, { dim: setup.x0.length }),
    [setup],
  );
  const preview = useMemo((): TuneRun | null => {
    try {
      return runTune(setup, values);
    } catch {
      return null;
    }
  }, [setup, values]);
  const steps = setup.steps;
  const finite = preview?.losses.filter((loss) => Number.isFinite(loss) && loss > 0) ?? [];
  const lossMax = Math.max(setup.target * 10, ...finite.slice(0, 50), finite[0] ?? 1);
  const lossMin = Math.min(setup.target / 10, ...finite);
  const reached = preview && Number.isFinite(preview.final) && preview.final < setup.target;
  const box = objective.box;
  const start: [number, number] = [setup.x0[0] ?? 0, setup.x0[1] ?? 0];

  return (
    <section className={styles.workbench} aria-labelledby="tune-heading">
      <h2 id="tune-heading">Your settings</h2>
      <form
        className={styles.params}
        onSubmit={(event) => {
          event.preventDefault();
          void submit(values);
        }}
      >
        {setup.params.map((param) => (
          <ParamInput
            key={param.name}
            param={param}
            value={values[param.name] ?? param.default}
            onChange={(value) => setValues((old) => ({ ...old, [param.name]: value }))}
          />
        ))}
        <div className={styles.toolbar}>
          <button type="submit" className="button" disabled={pending} aria-busy={pending}>
            {pending ? "Grading…" : "Submit settings"}
          </button>
          <button type="button" className="button" onClick={() => setValues(getDefaultValues(setup))}>
            Reset to defaults
          </button>
        </div>
      </form>
      <JudgmentVerdict result={result} error={error} />
      <figure className={styles.figure}>
        <p className={styles.previewStat} data-testid="tune-preview">
          Preview: loss after {steps} steps{" "}
          <strong className={reached ? styles.pass : styles.fail}>
            {preview ? formatNumber(preview.final) : "not computable"}
          </strong>{" "}
          (target: below {formatNumber(setup.target)})
        </p>
        <div className={styles.plots}>
          {box && preview ? (
            <ContourPlot
              objective={objective}
              box={box}
              trajectories={[{ key: "run", color: "var(--series-2)", xs: preview.xs, ys: preview.ys }]}
              frame={steps}
              start={start}
              ariaLabel={`Contour map of ${objective.label} with the path of ${steps} steps from (${start.join(", ")}), ending at (${formatNumber(preview.xs[steps] ?? Number.NaN)}, ${formatNumber(preview.ys[steps] ?? Number.NaN)}); the minimum is at (1, 1).`}
            />
          ) : null}
          {preview ? (
            <LineChart
              series={[
                {
                  key: "loss",
                  color: "var(--series-2)",
                  xs: preview.losses.map((_, i) => i),
                  ys: preview.losses,
                },
                {
                  key: "target",
                  color: "var(--fg-muted)",
                  xs: [0, steps],
                  ys: [setup.target, setup.target],
                  dashed: true,
                },
              ]}
              xDomain={[0, steps]}
              yDomain={[lossMin, lossMax]}
              yLog
              xLabel="step"
              yLabel="loss (log)"
              ariaLabel={`Loss against step on a log scale: starts at ${formatNumber(preview.losses[0] ?? Number.NaN)}, ends at ${formatNumber(preview.final)}; the dashed line is the target ${formatNumber(setup.target)}.`}
            />
          ) : null}
        </div>
        <figcaption className={styles.caption}>
          The same optimizer core as the grader, run in your browser on every change: the path on the contour
          map and the loss on a log scale, with the target as a dashed line.
        </figcaption>
      </figure>
      <PastAnswers rows={history} />
    </section>
  );
}
