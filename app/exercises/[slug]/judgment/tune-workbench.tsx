"use client";

import { useMemo, useState } from "react";
import { ContourPlot } from "@/app/components/figures/contour-plot";
import { LineChart } from "@/app/components/figures/line-chart";
import { formatNumber } from "@/lib/judgment/curves";
import { getDefaultValues, getTuneWindow, runTune, type TuneRun, type TuneSetup } from "@/lib/judgment/tune";
import { createObjective } from "@/lib/objectives";
import { JudgmentVerdict, PastAnswers } from "./judgment-verdict";
import styles from "./judgment.module.css";
import { ParamInput } from "./tune-param-input";
import { useJudgmentSubmission } from "./use-judgment-submission";

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
  // The preview scores the run by the grader's own rule (lib/judgment/tune.ts), so the two agree.
  const reached = preview && Number.isFinite(preview.score) && preview.score < setup.target;
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
          Preview: mean loss over the last {getTuneWindow(setup)} of {steps} steps{" "}
          <strong className={reached ? styles.pass : styles.fail}>
            {preview ? formatNumber(preview.score) : "not computable"}
          </strong>{" "}
          (target: below {formatNumber(setup.target)}; loss after the last step{" "}
          {preview ? formatNumber(preview.final) : "not computable"})
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
