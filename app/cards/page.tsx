import type { Metadata } from "next";
import Link from "next/link";
import { getTopics } from "@/lib/cards/deck";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { getDrillState } from "@/lib/progress/reviews.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import styles from "./cards.module.css";
import { Drill } from "./drill";
import { ExportLinks } from "./export-links";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Interview drill",
  description: "Spaced-repetition flash cards on optimizers: Adam, weight decay, schedules, memory and more.",
};

/** The flash-card drill: the learner's next card, rated with FSRS. */
export default async function CardsPage({ searchParams }: { searchParams: Promise<{ topic?: string }> }) {
  const topics = getTopics();
  const requested = (await searchParams).topic;
  const topic = requested && topics.includes(requested) ? requested : null;
  const learner = await getCurrentLearner();
  const drill = learner
    ? await getDrillState(learner.id, { topic, timeZone: await getLearnerTimeZone() })
    : null;
  return (
    <div className={`container ${styles.page}`}>
      <div className={styles.header}>
        <h1>Interview drill</h1>
        <Link href="/cards/stats">Your stats</Link>
      </div>
      {drill ? (
        <Drill initial={drill} topics={topics} initialTopic={topic} />
      ) : (
        <p className="muted">
          The drill keeps your progress in a cookie: please enable cookies for this site.
        </p>
      )}
      <ExportLinks topic={topic} />
    </div>
  );
}
