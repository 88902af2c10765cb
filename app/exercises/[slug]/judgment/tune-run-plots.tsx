"use client";

import { useMemo } from "react";
import { ContourPlot } from "@/app/components/figures/contour-plot";
import { LineChart } from "@/app/components/figures/line-chart";
import { formatNumber } from "@/lib/judgment/curves";
import type { TuneRun, TuneSetup } from "@/lib/judgment/tune";
import { createObjective } from "@/lib/objectives";
import styles from "./judgment.module.css";

/** One trial run: its path on the contour map and its loss curve against the target; nothing before the first. */
export function TuneRunPlots({
  setup,
  run,
  label,
}: {
  setup: TuneSetup;
  run: TuneRun | null;
  label: string | null;
}) {
  const objective = useMemo(
    () => createObjective(setup.objective.name, setup.objective.args, { dim: setup.x0.length }),
    [setup],
  );
  const { steps, target } = setup;
  const start: [number, number] = [setup.x0[0] ?? 0, setup.x0[1] ?? 0];
  const box = objective.box;
  if (!run || !label)
    return (
      <p className="muted" data-testid="tune-no-run">
        No trial run yet. Each "Try these settings" spends one run of your budget and shows its path and loss
        curve here; the grade comes only when you submit.
      </p>
    );
  const finite = run.losses.filter((loss) => Number.isFinite(loss) && loss > 0);
  const lossMax = Math.max(target * 10, ...finite.slice(0, 50), finite[0] ?? 1);
  const lossMin = Math.min(target / 10, ...finite);
  return (
    <figure className={styles.figure} data-testid="tune-run">
      <div className={styles.plots}>
        {box ? (
          <ContourPlot
            objective={objective}
            box={box}
            trajectories={[{ key: "run", color: "var(--series-2)", xs: run.xs, ys: run.ys }]}
            frame={steps}
            start={start}
            ariaLabel={`${label}: contour map of ${objective.label} with the path of ${steps} steps from (${start.join(", ")}), ending at (${formatNumber(run.xs[steps] ?? Number.NaN)}, ${formatNumber(run.ys[steps] ?? Number.NaN)}); the minimum is at (1, 1).`}
          />
        ) : null}
        <LineChart
          series={[
            { key: "loss", color: "var(--series-2)", xs: run.losses.map((_, i) => i), ys: run.losses },
            { key: "target", color: "var(--fg-muted)", xs: [0, steps], ys: [target, target], dashed: true },
          ]}
          xDomain={[0, steps]}
          yDomain={[lossMin, lossMax]}
          yLog
          xLabel="step"
          yLabel="loss (log)"
          ariaLabel={`${label}: loss against step on a log scale, from ${formatNumber(run.losses[0] ?? Number.NaN)} at the start to ${formatNumber(run.final)} after the last step; the dashed line is the target ${formatNumber(target)}.`}
        />
      </div>
      <figcaption className={styles.caption}>
        {label}: the same optimizer core as the grader, run in your browser: the path on the contour map and
        the loss on a log scale, with the target as a dashed line.
      </figcaption>
    </figure>
  );
}
