"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isRating, RATING_LABELS, RATINGS, type RatingValue } from "@/lib/cards/domain";
import type { DrillState } from "@/lib/cards/domain-schemas";
import type { TopicInfo } from "@/lib/cards/topics";
import "@/app/components/mdx/katex-styles";
import styles from "./cards.module.css";

const UNEXPECTED = "The server sent an answer this page cannot read; please reload it.";

type Props = { initial: DrillState; topics: TopicInfo[]; initialTopic: string | null };

/** The keyboard-first drill: Space reveals, 1–4 rate, U undoes. */
export function Drill({ initial, topics, initialTopic }: Props) {
  const [drill, setDrill] = useState(initial);
  const [topic, setTopic] = useState(initialTopic);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const card = drill.current;
  // One requestId per card shown: a double click or retry of the same rating counts once.
  const cardKey = card ? `${card.id}@${card.version}` : null;
  const requestId = useMemo(() => (cardKey ? createRequestId() : null), [cardKey]);
  const busyRef = useRef(false);

  const reload = useCallback(async (nextTopic: string | null) => {
    const query = nextTopic ? `?topic=${encodeURIComponent(nextTopic)}` : "";
    const { DrillStateSchema } = await import("@/lib/cards/domain-schemas");
    const response = await fetch(`/api/cards/queue${query}`);
    if (!response.ok) return;
    const parsed = DrillStateSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      setMessage(UNEXPECTED);
      return;
    }
    setDrill(parsed.data);
    setRevealed(false);
  }, []);

  const send = useCallback(
    async (url: string, body: object): Promise<void> => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        // Loaded before sending: if it cannot load, nothing was sent and the message below is true.
        const { DrillAnswerSchema } = await import("@/lib/cards/domain-schemas");
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...body, topic }),
        });
        const parsed = DrillAnswerSchema.safeParse(await response.json().catch(() => null));
        if (!parsed.success) {
          setMessage(UNEXPECTED);
          return;
        }
        const data = parsed.data;
        if (response.ok && data.drill) {
          setDrill(data.drill);
          setRevealed(false);
          setMessage(null);
          return;
        }
        setMessage(data.error ?? "Something went wrong; please try again.");
        if (response.status === 409) await reload(topic);
      } catch {
        setMessage("Could not reach the server. Your rating was not saved; try again.");
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [topic, reload],
  );

  const rate = useCallback(
    (grade: RatingValue) => {
      if (!card || !revealed || !requestId) return;
      void send("/api/cards/rate", { cardId: card.id, rating: grade, requestId, version: card.version });
    },
    [card, revealed, requestId, send],
  );
  const undo = useCallback(() => {
    if (drill.undoRequestId) void send("/api/cards/undo", { requestId: drill.undoRequestId });
  }, [drill.undoRequestId, send]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) return;
      if (event.key === " ") {
        event.preventDefault();
        setRevealed(true);
        return;
      }
      const rating = /^\d$/.test(event.key) ? Number(event.key) : null;
      if (isRating(rating)) {
        rate(rating);
      } else if (event.key === "u" || event.key === "U") {
        undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rate, undo]);

  const { due, mistake, new: fresh } = drill.remaining;
  const topicName = (id: string) => topics.find((t) => t.topic === id)?.name ?? id;
  return (
    <section className={styles.drill} aria-label="Flash card drill">
      <div className={styles.toolbar}>
        <label>
          Topic{" "}
          <select
            value={topic ?? ""}
            onChange={(event) => {
              const next = event.target.value || null;
              setTopic(next);
              window.history.replaceState(null, "", next ? `/cards?topic=${next}` : "/cards");
              void reload(next);
            }}
          >
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.topic} value={t.topic}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <p className="muted" data-testid="remaining">
          {due} due now · {mistake} from mistakes · {fresh} new
        </p>
      </div>
      {message ? (
        <p role="alert" className={styles.alert}>
          {message}
        </p>
      ) : null}
      {drill.exercises && drill.exercises.length > 0 ? (
        <section className="card" aria-labelledby="recall-heading" data-testid="exercise-items">
          <h2 id="recall-heading">Exercises to redo from memory</h2>
          <ul>
            {drill.exercises.map((item) => (
              <li key={item.slug} data-testid="exercise-item" data-exercise-slug={item.slug}>
                <a href={`/exercises/${item.slug}?recall=1`}>
                  {item.kind === "code"
                    ? `Re-implement ${item.title} from memory`
                    : `Answer ${item.title} again`}
                </a>
                {item.kind === "code" ? (
                  <span className="muted"> · {item.language === "python" ? "Python" : "TypeScript"}</span>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="muted">
            Each opens the exercise; a passing submission there rates it Good (Easy on the first try within
            five minutes), a failing one Again. Undo (U) applies to card ratings only: a submission cannot be
            taken back.
          </p>
        </section>
      ) : null}
      {card ? (
        <article
          className={`card ${styles.flash}`}
          data-testid="flash-card"
          data-card-id={card.id}
          aria-live="polite"
        >
          <p className={styles.meta}>
            <span className="badge">{card.kind}</span> <span className="badge">{topicName(card.topic)}</span>
            {card.reason === "mistake" ? <span className="badge">from your mistake</span> : null}
          </p>
          <CardHtml className={styles.front} html={card.frontHtml} />
          {card.code ? (
            // A scrolling region must be reachable by keyboard: the block is a tab stop.
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a horizontally scrolling region.
            <pre className={styles.code} tabIndex={0}>
              <code>{card.code}</code>
            </pre>
          ) : null}
          {revealed ? (
            <>
              <hr />
              <CardHtml className={styles.back} html={card.backHtml} testId="card-back" />
              <fieldset className={styles.ratings}>
                <legend className="visually-hidden">How well did you recall it?</legend>
                {RATINGS.map((grade) => (
                  <button
                    key={grade}
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => rate(grade)}
                  >
                    <span>{RATING_LABELS[grade]}</span>
                    <span className={styles.interval}>{card.intervals[grade]}</span>
                    <kbd>{grade}</kbd>
                  </button>
                ))}
              </fieldset>
            </>
          ) : (
            <button type="button" className="button primary" onClick={() => setRevealed(true)}>
              Show answer <kbd>Space</kbd>
            </button>
          )}
        </article>
      ) : (
        <p className="card" data-testid="drill-done">
          Nothing left to review{topic ? " in this topic" : ""} today. Come back tomorrow, or pick another
          topic.
        </p>
      )}
      <p className={styles.hint}>
        <button type="button" className="button" disabled={busy || !drill.undoRequestId} onClick={undo}>
          Undo last rating <kbd>U</kbd>
        </button>
        <span className="muted">Space reveals · 1–4 rate · U undoes</span>
      </p>
    </section>
  );
}

/** A v4 UUID; crypto.randomUUID is missing outside secure contexts, getRandomValues is not. */
function createRequestId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Deck text: HTML rendered by KaTeX from our own content files (escaped prose, no user input). */
function CardHtml({ html, className, testId }: { html: string; className?: string; testId?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted deck HTML produced by lib/cards/render.ts.
  return <div className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
