"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import type { DrillSettings } from "@/lib/cards/settings";
import type { TopicInfo } from "@/lib/cards/topics";
import styles from "../cards.module.css";

/** Sends a JSON write; resolves to an error message, or null once the page has been refreshed. */
function useDeckWrite() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function send(url: string, method: string, body?: object): Promise<boolean> {
    setBusy(true);
    try {
      const response = await fetch(url, {
        method,
        headers: body ? { "content-type": "application/json" } : undefined,
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) {
        const { readErrorMessage } = await import("@/lib/http/answers");
        setMessage((await readErrorMessage(response)) ?? "Something went wrong; please try again.");
        return false;
      }
      setMessage(null);
      router.refresh();
      return true;
    } catch {
      setMessage("Could not reach the server; nothing was changed.");
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, message, send };
}

/** Suspend or bury a card (and undo either); delete an own card. */
export function CardActions(props: { cardId: string; suspended: boolean; buried: boolean; own: boolean }) {
  const { busy, message, send } = useDeckWrite();
  const act = (action: string) => send("/api/cards/manage", "POST", { cardId: props.cardId, action });
  return (
    <div className={styles.actions}>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => act(props.suspended ? "unsuspend" : "suspend")}
      >
        {props.suspended ? "Unsuspend" : "Suspend"}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => act(props.buried ? "unbury" : "bury")}
      >
        {props.buried ? "Unbury" : "Bury until tomorrow"}
      </button>
      {props.own ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => send(`/api/cards/own/${props.cardId}`, "DELETE")}
        >
          Delete
        </button>
      ) : null}
      {message ? (
        <p role="alert" className={styles.alert}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** The form for a card of one's own. */
export function OwnCardForm({ topics, max }: { topics: TopicInfo[]; max: { front: number; back: number } }) {
  const { busy, message, send } = useDeckWrite();
  const [added, setAdded] = useState(false);
  const id = useId();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const ok = await send("/api/cards/own", "POST", {
      front: String(data.get("front") ?? ""),
      back: String(data.get("back") ?? ""),
      topic: String(data.get("topic") ?? "own"),
    });
    setAdded(ok);
    if (ok) form.reset();
  }
  return (
    <form className={styles.ownForm} onSubmit={submit}>
      <label htmlFor={`${id}-front`}>Question</label>
      <textarea id={`${id}-front`} name="front" required minLength={3} maxLength={max.front} rows={3} />
      <label htmlFor={`${id}-back`}>Answer</label>
      <textarea id={`${id}-back`} name="back" required maxLength={max.back} rows={5} />
      <label htmlFor={`${id}-topic`}>Topic</label>
      <select id={`${id}-topic`} name="topic" defaultValue="own">
        {topics.map((t) => (
          <option key={t.topic} value={t.topic}>
            {t.name}
          </option>
        ))}
      </select>
      <p>
        <button type="submit" className="button primary" disabled={busy}>
          Add the card
        </button>
      </p>
      {message ? (
        <p role="alert" className={styles.alert}>
          {message}
        </p>
      ) : added ? (
        <p role="status">Added: it is in the list above and in your drill.</p>
      ) : null}
    </form>
  );
}

/** New cards per day and desired retention. */
export function SettingsForm({ initial }: { initial: DrillSettings }) {
  const { busy, message, send } = useDeckWrite();
  const [saved, setSaved] = useState(false);
  const id = useId();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSaved(
      await send("/api/cards/settings", "POST", {
        newCardsPerDay: Number(data.get("newCardsPerDay")),
        desiredRetention: Number(data.get("desiredRetention")) / 100,
      }),
    );
  }
  return (
    <form className={styles.ownForm} onSubmit={submit}>
      <label htmlFor={`${id}-new`}>New cards per day (0–200)</label>
      <input
        id={`${id}-new`}
        name="newCardsPerDay"
        type="number"
        min={0}
        max={200}
        step={1}
        required
        defaultValue={initial.newCardsPerDay}
      />
      <label htmlFor={`${id}-retention`}>Desired retention, % (70–97)</label>
      <input
        id={`${id}-retention`}
        name="desiredRetention"
        type="number"
        min={70}
        max={97}
        step={1}
        required
        defaultValue={Math.round(initial.desiredRetention * 100)}
        aria-describedby={`${id}-retention-hint`}
      />
      <p id={`${id}-retention-hint`} className="muted">
        The chance of recalling a card that FSRS plans each review for: higher means shorter intervals and
        more reviews a day.
      </p>
      <p>
        <button type="submit" className="button" disabled={busy}>
          Save
        </button>
      </p>
      {message ? (
        <p role="alert" className={styles.alert}>
          {message}
        </p>
      ) : saved ? (
        <p role="status">Saved.</p>
      ) : null}
    </form>
  );
}
