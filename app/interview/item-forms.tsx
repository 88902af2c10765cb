"use client";

import { useState } from "react";
import { htmlToText } from "@/lib/interview/html-text";
import type { ItemView } from "@/lib/interview/view";
import styles from "./interview.module.css";

/** What an item form needs: its item, whether it can still be answered, and how to send. */
export type ItemFormProps = {
  item: ItemView;
  locked: boolean;
  pending: boolean;
  onSubmit: (answer: unknown) => void;
};

function SubmitButton({
  locked,
  pending,
  label = "Submit answer",
}: {
  locked: boolean;
  pending: boolean;
  label?: string;
}) {
  return (
    <button type="submit" className="button primary" disabled={locked || pending}>
      {pending ? "Sending…" : label}
    </button>
  );
}

const previous = <T,>(item: ItemView, key: string): T | undefined =>
  (item.answered?.answer as Record<string, T> | undefined)?.[key];

/** Single answer (radios) or select all that apply (checkboxes). */
export function ChoiceForm({ item, locked, pending, onSubmit }: ItemFormProps) {
  const choice = item.choice;
  const [picked, setPicked] = useState<string[]>(() => previous<string[]>(item, "picked") ?? []);
  if (!choice) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ picked });
      }}
    >
      <fieldset className={styles.options} disabled={locked}>
        <legend>{choice.multiple ? "Select all that apply" : "Choose one"}</legend>
        {choice.options.map((option) => (
          <label key={option.id} className={styles.option}>
            <input
              type={choice.multiple ? "checkbox" : "radio"}
              name={`choice-${item.id}`}
              value={option.id}
              checked={picked.includes(option.id)}
              onChange={(event) =>
                setPicked((old) =>
                  choice.multiple
                    ? event.target.checked
                      ? [...old, option.id]
                      : old.filter((id) => id !== option.id)
                    : [option.id],
                )
              }
            />
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX HTML rendered on the server from the bank. */}
            <span dangerouslySetInnerHTML={{ __html: option.html }} />
          </label>
        ))}
      </fieldset>
      <SubmitButton locked={locked || picked.length === 0} pending={pending} />
    </form>
  );
}

/** An ordering with Move up / Move down buttons on every entry (keyboard and screen reader friendly). */
export function OrderForm({ item, locked, pending, onSubmit }: ItemFormProps) {
  const entries = item.order?.entries ?? [];
  const [order, setOrder] = useState<string[]>(
    () => previous<string[]>(item, "order") ?? entries.map((e) => e.id),
  );
  const [status, setStatus] = useState("");
  const html = new Map(entries.map((entry) => [entry.id, entry.html]));
  const text = (id: string) => htmlToText(html.get(id) ?? id);
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const target = index + by;
    if (target < 0 || target >= next.length) return;
    [next[index], next[target]] = [next[target] as string, next[index] as string];
    setOrder(next);
    setStatus(`${text(order[index] as string)} is now at position ${target + 1} of ${next.length}.`);
    // Keep the focus on the moved entry's same button.
    requestAnimationFrame(() =>
      document.getElementById(`move-${item.id}-${order[index]}-${by < 0 ? "up" : "down"}`)?.focus(),
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ order });
      }}
    >
      <ol className={styles.order} aria-label="Your order, first to last">
        {order.map((id, index) => (
          <li key={id} className={styles.orderEntry}>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX HTML rendered on the server from the bank. */}
            <span dangerouslySetInnerHTML={{ __html: html.get(id) ?? id }} />
            <span className={styles.orderButtons}>
              <button
                type="button"
                id={`move-${item.id}-${id}-up`}
                className="button"
                disabled={locked || index === 0}
                onClick={() => move(index, -1)}
                aria-label={`Move up: ${text(id)}`}
              >
                ↑
              </button>
              <button
                type="button"
                id={`move-${item.id}-${id}-down`}
                className="button"
                disabled={locked || index === order.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`Move down: ${text(id)}`}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
      <SubmitButton locked={locked} pending={pending} />
    </form>
  );
}

/** A number, in plain or scientific notation (1e-3). */
export function NumericForm({ item, locked, pending, onSubmit }: ItemFormProps) {
  const [text, setText] = useState(() => String(previous<number>(item, "value") ?? ""));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const value = Number(text.trim().replace(/\u2212/g, "-"));
        if (text.trim() === "" || !Number.isFinite(value)) {
          setError("Type a number, such as -0.001 or 1e-3.");
          return;
        }
        setError(null);
        onSubmit({ value });
      }}
    >
      <label className={styles.field}>
        Your answer{item.numeric?.unit ? ` (${item.numeric.unit})` : ""}
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          disabled={locked}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `error-${item.id}` : undefined}
        />
      </label>
      {error ? (
        <p id={`error-${item.id}`} className={styles.error}>
          {error}
        </p>
      ) : null}
      <SubmitButton locked={locked} pending={pending} />
    </form>
  );
}

/** An expression in the variables named (sqrt, ^, *, implicit products). */
export function FormulaForm({ item, locked, pending, onSubmit }: ItemFormProps) {
  const [expression, setExpression] = useState(() => previous<string>(item, "expression") ?? "");
  const variables = item.formula?.variables ?? [];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ expression });
      }}
    >
      <label className={styles.field}>
        Your expression
        <input
          type="text"
          className={styles.mono}
          autoComplete="off"
          spellCheck={false}
          value={expression}
          disabled={locked}
          onChange={(event) => setExpression(event.target.value)}
          aria-describedby={`vars-${item.id}`}
        />
      </label>
      <p id={`vars-${item.id}`} className="muted">
        Use the variables{" "}
        {variables.map((v) => (
          <code key={v}>{v} </code>
        ))}{" "}
        with + − * / ^, parentheses and sqrt, exp, log, abs.
      </p>
      <SubmitButton locked={locked || expression.trim() === ""} pending={pending} />
    </form>
  );
}
