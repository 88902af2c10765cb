"use client";

import { useEffect, useState } from "react";
import { formatNumber } from "@/lib/judgment/curves";
import {
  describeTuneProfile,
  describeTuneValues,
  exploreTuneGrid,
  getGridValues,
  getTuneWindow,
  TUNE_OUTCOME_LABELS,
  type TuneGridReport,
  type TuneSetup,
} from "@/lib/judgment/tune";
import styles from "./tune.module.css";

/**
 * After grading: what a full grid search with the same core found (the best setting, how many
 * pass) and why, one sentence and one table per parameter. Computed in the browser once a verdict
 * is in (about 650 runs, a fraction of a second), so nothing here is typed by hand.
 */
export function TuneBest({
  setup,
  submitted,
  onUse,
}: {
  setup: TuneSetup;
  submitted: Record<string, number>;
  onUse: (values: Record<string, number>) => void;
}) {
  const [report, setReport] = useState<TuneGridReport | null>(null);
  useEffect(() => {
    // After the verdict has painted.
    const timer = window.setTimeout(() => setReport(exploreTuneGrid(setup)), 0);
    return () => window.clearTimeout(timer);
  }, [setup]);
  const shape = setup.params.map((param) => getGridValues(param).length).join(" × ");
  return (
    <section className={styles.best} aria-labelledby="tune-best-heading" data-testid="tune-best">
      <h3 id="tune-best-heading">What the best settings were, and why</h3>
      {report ? (
        <>
          <p>
            A grid search ran {report.runs} settings ({shape}) through the same core; {report.passing} of them
            pass. The best:{" "}
            <strong data-testid="tune-best-values">{describeTuneValues(setup, report.best.values)}</strong>,
            mean loss {formatNumber(report.best.score)} over the last {getTuneWindow(setup)} steps. You
            submitted {describeTuneValues(setup, submitted)}.
          </p>
          <ul>
            {report.profiles.map((profile) => (
              <li key={profile.name}>{describeTuneProfile(profile)}</li>
            ))}
          </ul>
          <details>
            <summary>Each value's best run on the grid</summary>
            {report.profiles.map((profile) => (
              <div className={styles.tableScroll} key={profile.name}>
                <table>
                  <caption>{profile.label}: the best run with each value (the others at their best)</caption>
                  <thead>
                    <tr>
                      <th scope="col">{profile.label}</th>
                      <th scope="col">mean loss</th>
                      <th scope="col">the run</th>
                    </tr>
                  </thead>
                  <tbody>
                    {profile.points.map((point) => (
                      <tr key={point.value}>
                        <td>{formatNumber(point.value)}</td>
                        <td>{formatNumber(point.best.score)}</td>
                        <td>{TUNE_OUTCOME_LABELS[point.best.outcome]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </details>
          <div>
            <button type="button" className="button" onClick={() => onUse(report.best.values)}>
              Put the best settings in the form
            </button>
          </div>
        </>
      ) : (
        <p aria-busy="true">Running the grid search…</p>
      )}
    </section>
  );
}
