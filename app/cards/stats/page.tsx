import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { getDeck } from "@/lib/cards/deck";
import { countDue, dueClock } from "@/lib/cards/due";
import { resolveDrillSettings } from "@/lib/cards/settings";
import {
  computeRetention,
  countByState,
  countReviewsPerDay,
  forecastDue,
  retentionByTopic,
} from "@/lib/cards/stats";
import { getScheduleSummary } from "@/lib/progress/fsrs-fit.server";
import { listTopics, loadDrillContext } from "@/lib/progress/learner-deck.server";
import { getReviewHistory } from "@/lib/progress/reviews.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import styles from "../cards.module.css";
import { ForecastBars, ReviewHeatmap } from "./charts";
import { ScheduleSummarySection } from "./schedule-summary";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Drill stats",
  description: "Your flash-card reviews, retention and forecast.",
};

const WEEKS = 20;

/** Drill statistics: reviews per day, retention, cards by state, 14-day forecast, the learner's FSRS parameters. */
export default async function CardStatsPage() {
  const learner = await getCurrentLearner();
  const clock = { now: new Date(), timeZone: await getLearnerTimeZone() };
  // 140 × 24 h back reaches into the day before the heatmap's first (DST moves it by an hour at most).
  const since = new Date(clock.now.getTime() - WEEKS * 7 * 86_400_000);
  const context = learner.stored
    ? await loadDrillContext(learner.id)
    : {
        deck: getDeck(),
        settings: resolveDrillSettings(null),
        readLessons: new Set<string>(),
        ownText: true,
      };
  const deckIds = context.deck.map((card) => card.id);
  const { logs, states, totalReviews } = learner.stored
    ? await getReviewHistory(learner.id, since, undefined, deckIds)
    : { logs: [], states: [], totalReviews: 0 };
  const { retention, reviews } = computeRetention(logs);
  const byState = countByState(states, context.deck.length);
  const due = countDue(states, dueClock(clock));
  const topicOf = new Map(context.deck.map((card) => [card.id, card.topic]));
  const byTopic = retentionByTopic(logs, (id) => topicOf.get(id), listTopics(context.deck));
  const schedule = await getScheduleSummary(learner.stored ? learner.id : null, {
    cards: context.deck.length,
    ...context.settings,
  });
  const ownCards = context.deck.filter((card) => card.id.startsWith("own-")).length;
  return (
    <div className={`container ${styles.page} ${styles.stats}`}>
      <div className={styles.header}>
        <h1>Drill stats</h1>
        <nav aria-label="Drill" className={styles.links}>
          <Link href="/cards">Back to the drill</Link>
          <Link href="/cards/browse">Browse your cards</Link>
        </nav>
      </div>
      <section aria-labelledby="today-title" className={styles.figures}>
        <h2 id="today-title" className="visually-hidden">
          Today and your deck
        </h2>
        <p className={`card ${styles.figure}`}>
          <strong data-testid="due-now">{due.now}</strong> due now
        </p>
        <p className={`card ${styles.figure}`}>
          <strong data-testid="due-later">{due.laterToday}</strong> due later today
        </p>
        <p className={`card ${styles.figure}`}>
          <strong>{totalReviews}</strong> {totalReviews === 1 ? "review" : "reviews"} in all
        </p>
        <p className={`card ${styles.figure}`}>
          <strong>{context.deck.length}</strong> cards in your deck ({ownCards} your own)
        </p>
        <p className={`card ${styles.figure}`}>
          <strong>{byState.suspended}</strong> suspended
        </p>
      </section>
      <section aria-labelledby="retention-title" className={styles.figures}>
        <h2 id="retention-title" className="visually-hidden">
          Summary
        </h2>
        <p className={`card ${styles.figure}`}>
          <strong data-testid="retention">
            {retention === null ? "–" : `${Math.round(retention * 100)}%`}
          </strong>
          retention ({reviews} {reviews === 1 ? "review" : "reviews"} of cards in review)
        </p>
        <p className={`card ${styles.figure}`}>
          <strong>{byState.unseen}</strong> not seen yet
        </p>
        <p className={`card ${styles.figure}`}>
          <strong>{byState.learning}</strong> learning
        </p>
        <p className={`card ${styles.figure}`}>
          <strong>{byState.review}</strong> in review
        </p>
        <p className={`card ${styles.figure}`}>
          <strong>{byState.relearning}</strong> relearning
        </p>
      </section>
      <section aria-labelledby="topics-title">
        <h2 id="topics-title">Retention by topic</h2>
        {byTopic.length === 0 ? (
          <p className="muted">No reviews of cards in review state yet.</p>
        ) : (
          <table className={styles.topicTable} data-testid="topic-retention">
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Retention</th>
                <th scope="col">Reviews</th>
              </tr>
            </thead>
            <tbody>
              {byTopic.map((row) => (
                <tr key={row.topic}>
                  <th scope="row">{row.name}</th>
                  <td>{row.retention === null ? "–" : `${Math.round(row.retention * 100)}%`}</td>
                  <td>{row.reviews}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">
          Share of reviews of cards in review state not rated Again, over the last {WEEKS} weeks; your target
          is {Math.round(context.settings.desiredRetention * 100)}% (
          <Link href="/cards/browse#settings-title">daily pace</Link>).
        </p>
      </section>
      <section aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">Reviews per day</h2>
        <ReviewHeatmap className={styles.chart} days={countReviewsPerDay(logs, clock, WEEKS)} />
        <p className="muted">
          The last {WEEKS} weeks, one column per week and one row per weekday (Sunday at the top), today at
          the end; the darker a square, the more cards you reviewed that day.
        </p>
      </section>
      <section aria-labelledby="forecast-title">
        <h2 id="forecast-title">Due over the next 14 days</h2>
        <ForecastBars className={styles.chart} days={forecastDue(states, clock, 14)} />
      </section>
      <ScheduleSummarySection summary={schedule} desiredRetention={context.settings.desiredRetention} />
    </div>
  );
}
