import type { ScheduleEffect } from "@/lib/cards/fsrs-fit-effect";
import { REFIT_GROWTH } from "@/lib/cards/fsrs-fit-job";
import type { ScheduleSummary } from "@/lib/progress/fsrs-fit.server";
import styles from "../cards.module.css";

const count = (n: number) => n.toLocaleString("en-US");
const percent = (p: number) => `${Math.round(p * 100)}%`;

function EffectRow({ name, effect }: { name: string; effect: ScheduleEffect }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{effect.reviewsPerDay.toFixed(1)}</td>
      <td>{percent(effect.averageRecall)}</td>
    </tr>
  );
}

/** "Your schedule" on the stats page: whether the drill's FSRS parameters are fitted to the learner, and what they cost. */
export function ScheduleSummarySection({
  summary,
  desiredRetention,
}: {
  summary: ScheduleSummary;
  desiredRetention: number;
}) {
  const { deck } = summary;
  const rows: Array<[string, ScheduleEffect]> =
    summary.status === "not-yet"
      ? summary.effect
        ? [["Default parameters", summary.effect]]
        : []
      : summary.effect
        ? [
            [summary.status === "fitted" ? "Your parameters" : "A fit to your reviews", summary.effect.yours],
            ["Default parameters", summary.effect.defaults],
          ]
        : [];
  const estimatedAt = rows[0]?.[1].desiredRetention ?? desiredRetention;
  return (
    <section aria-labelledby="schedule-title" data-testid="schedule-summary">
      <h2 id="schedule-title">Your schedule</h2>
      {summary.status === "not-yet" ? (
        <p>
          The drill schedules with FSRS&apos;s default parameters. Once you have {count(summary.needed)}{" "}
          reviews (you have {count(summary.reviews)}), they are fitted to your own reviews: with fewer, a fit
          often predicts your recall no better than the defaults.
        </p>
      ) : summary.status === "fitted" ? (
        <p>
          Fitted to your {count(summary.reviews)} reviews: they predict them with a log loss of{" "}
          {summary.logLoss.toFixed(3)}, against {summary.defaultLogLoss.toFixed(3)} for the defaults (lower is
          better). The drill schedules with them; they are refitted at{" "}
          {count(Math.ceil(summary.reviews * REFIT_GROWTH))} reviews.
        </p>
      ) : (
        <p>
          A fit to your {count(summary.reviews)} reviews predicted them no better than the defaults (log loss{" "}
          {summary.logLoss.toFixed(3)} against {summary.defaultLogLoss.toFixed(3)}), so the drill keeps the
          defaults; it tries again at {count(Math.ceil(summary.reviews * REFIT_GROWTH))} reviews.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">The expected workload is being estimated; reload the page in a moment.</p>
      ) : (
        <>
          <table className={styles.topicTable} data-testid="schedule-effect">
            <caption className="visually-hidden">Expected workload and recall</caption>
            <thead>
              <tr>
                <th scope="col">At {percent(estimatedAt)} desired retention</th>
                <th scope="col">Reviews a day</th>
                <th scope="col">Average recall</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([name, effect]) => (
                <EffectRow key={name} name={name} effect={effect} />
              ))}
            </tbody>
          </table>
          <p className="muted">
            Simulated over a year of daily drill for a deck of {count(deck.cards)} cards at{" "}
            {count(deck.newCardsPerDay)} new cards a day: the reviews a day it costs and the chance of
            recalling a learned card on an average day.
          </p>
        </>
      )}
    </section>
  );
}
