import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { getTopicList } from "@/lib/cards/deck";
import { listTopics, loadDrillContext } from "@/lib/progress/learner-deck.server";
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
  const learner = await getCurrentLearner();
  const context = learner.stored ? await loadDrillContext(learner.id) : null;
  const topics = context ? listTopics(context.deck) : getTopicList();
  const requested = (await searchParams).topic;
  const topic = requested && topics.some((t) => t.topic === requested) ? requested : null;
  const drill = learner
    ? await getDrillState(learner.id, {
        topic,
        context: context ?? undefined,
        timeZone: await getLearnerTimeZone(),
      })
    : null;
  return (
    <div className={`container ${styles.page}`}>
      <div className={styles.header}>
        <h1>Interview drill</h1>
        <nav aria-label="Drill" className={styles.links}>
          <Link href="/cards/browse">Browse your cards</Link>
          <Link href="/cards/stats">Your stats</Link>
        </nav>
      </div>
      {drill ? (
        <Drill initial={drill} topics={topics} initialTopic={topic} />
      ) : (
        <p className="muted">
          The drill keeps your progress in a cookie: please enable cookies for this site.
        </p>
      )}
      <ExportLinks topic={topic} topics={topics} />
    </div>
  );
}
