import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { BROWSE_STATE_LABELS, BROWSE_STATES, type BrowseState } from "@/lib/cards/browse";
import { getDeck, getTopicList } from "@/lib/cards/deck";
import { OWN_CARD_MAX } from "@/lib/cards/own-cards";
import { resolveDrillSettings } from "@/lib/cards/settings";
import { OWN_TOPIC, OWN_TOPIC_NAME } from "@/lib/cards/topics";
import { browseLearnerCards, loadDrillContext } from "@/lib/progress/learner-deck.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import "@/app/components/mdx/katex-styles";
import styles from "../cards.module.css";
import { CardActions, OwnCardForm, SettingsForm } from "./deck-forms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Your cards",
  description: "Search, filter, suspend and bury the drill's cards, write your own, and set the daily pace.",
};

type Search = { q?: string; topic?: string; state?: string };

/** The card browser: the learner's deck with search, topic and state filters, own cards and settings. */
export default async function BrowsePage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const learner = await getCurrentLearner();
  const timeZone = await getLearnerTimeZone();
  const context = learner.stored
    ? await loadDrillContext(learner.id)
    : {
        deck: getDeck(),
        settings: resolveDrillSettings(null),
        readLessons: new Set<string>(),
        ownText: true,
      };
  const topics = [...getTopicList(), { topic: OWN_TOPIC, name: OWN_TOPIC_NAME }];
  const topic = topics.some((t) => t.topic === params.topic) ? (params.topic ?? null) : null;
  const state = (BROWSE_STATES as readonly string[]).includes(params.state ?? "")
    ? (params.state as BrowseState)
    : "all";
  const query = (params.q ?? "").slice(0, 200);
  const entries = await browseLearnerCards(learner.id, { query, topic, state }, { timeZone, context });
  const nameOf = new Map(topics.map((t) => [t.topic, t.name]));
  const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone });
  return (
    <div className={`container ${styles.page}`}>
      <div className={styles.header}>
        <h1>Your cards</h1>
        <nav aria-label="Drill" className={styles.links}>
          <Link href="/cards">Back to the drill</Link>
          <Link href="/cards/stats">Your stats</Link>
        </nav>
      </div>
      <search>
        <form className={styles.filters} aria-label="Find cards" method="get">
          <label>
            Search <input type="search" name="q" defaultValue={query} maxLength={200} />
          </label>
          <label>
            Topic{" "}
            <select name="topic" defaultValue={topic ?? ""}>
              <option value="">All topics</option>
              {topics.map((t) => (
                <option key={t.topic} value={t.topic}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            State{" "}
            <select name="state" defaultValue={state}>
              {BROWSE_STATES.map((s) => (
                <option key={s} value={s}>
                  {BROWSE_STATE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            Filter
          </button>
        </form>
      </search>
      <p className="muted" data-testid="browse-count" aria-live="polite">
        {entries.length} {entries.length === 1 ? "card" : "cards"} of {context.deck.length}
      </p>
      <ul className={styles.browseList} data-testid="browse-list">
        {entries.map(({ card, state: cardState, dueToday, due }) => (
          <li key={card.id} className={`card ${styles.browseItem}`} data-card-id={card.id}>
            <p className={styles.meta}>
              <span className="badge">{nameOf.get(card.topic) ?? card.topic}</span>{" "}
              <span className="badge" data-testid="card-state">
                {BROWSE_STATE_LABELS[cardState]}
              </span>
              {dueToday ? <span className="badge">due today</span> : null}
              {due && !dueToday && cardState !== "new" ? (
                <span className="muted"> · due {dateFormat.format(due)}</span>
              ) : null}
            </p>
            <CardHtml className={styles.browseFront} html={card.frontHtml} />
            {card.code ? (
              // A scrolling region must be reachable by keyboard: the block is a tab stop.
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a horizontally scrolling region.
              <pre className={styles.code} tabIndex={0}>
                <code>{card.code}</code>
              </pre>
            ) : null}
            <details>
              <summary>Answer</summary>
              <CardHtml html={card.backHtml} />
            </details>
            <CardActions
              cardId={card.id}
              suspended={cardState === "suspended"}
              buried={cardState === "buried"}
              own={card.id.startsWith("own-")}
            />
          </li>
        ))}
      </ul>
      <section aria-labelledby="own-title" className={styles.panel}>
        <h2 id="own-title">Write your own card</h2>
        <p className="muted">
          Markdown: a blank line starts a paragraph, <code>- </code> a list item, <code>**bold**</code>,{" "}
          <code>*italic*</code>, <code>`code`</code>, and math between dollar signs, e.g.{" "}
          <code>$\hat m_t = m_t/(1-\beta_1^t)$</code>. Your cards join the drill as new cards, first in line.
        </p>
        <OwnCardForm topics={topics} max={OWN_CARD_MAX} />
      </section>
      <section aria-labelledby="settings-title" className={styles.panel}>
        <h2 id="settings-title">Daily pace</h2>
        <SettingsForm initial={context.settings} />
      </section>
    </div>
  );
}

/** Card HTML: the deck's (lib/cards/render.ts) or an own card's, rendered by the same renderer with its text escaped. */
function CardHtml({ html, className }: { html: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped prose and KaTeX from lib/cards/render.ts.
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
