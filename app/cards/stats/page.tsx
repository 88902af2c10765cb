import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { getDeck } from "@/lib/cards/deck";
import { computeRetention, countByState, countReviewsPerDay, forecastDue } from "@/lib/cards/stats";
import { getReviewHistory } from "@/lib/progress/reviews.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import styles from "../cards.module.css";
import { ForecastBars, ReviewHeatmap } from "./charts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Drill stats",
  description: "Your flash-card reviews, retention and forecast.",
};

const WEEKS = 20;

/** Drill statistics: reviews per day, retention, cards by state, 14-day forecast. */
export default async function CardStatsPage() {
  const learner = await getCurrentLearner();
  const clock = { now: new Date(), timeZone: await getLearnerTimeZone() };
  // 140 × 24 h back reaches into the day before the heatmap's first (DST moves it by an hour at most).
  const since = new Date(clock.now.getTime() - WEEKS * 7 * 86_400_000);
  const { logs, states } = learner ? await getReviewHistory(learner.id, since) : { logs: [], states: [] };
  const { retention, reviews } = computeRetention(logs);
  const byState = countByState(states, getDeck().length);
  return (
    <div className={`container ${styles.page} ${styles.stats}`}>
      <div className={styles.header}>
        <h1>Drill stats</h1>
        <Link href="/cards">Back to the drill</Link>
      </div>
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
    </div>
  );
}
