"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
// Items' math is KaTeX HTML: without its stylesheet the MathML copy shows as a second line of text.
import "@/app/components/mdx/katex-styles";
import { formatLabel } from "@/lib/interview/formats";
import type { InterviewView, ItemView } from "@/lib/interview/view";
import { Countdown } from "./countdown";
import { Feedback } from "./feedback";
import styles from "./interview.module.css";
import { postAnswer, postFinish } from "./interview-client";
import { ItemForm, TYPE_LABELS } from "./item-form";

const isDone = (item: ItemView) => item.answered !== null && !item.answered.marking;

/** The interview itself: the countdown, one item at a time, Finish interview. */
export function InterviewRunner({ initial }: { initial: InterviewView }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      initial.items.findIndex((item) => !isDone(item)),
    ),
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const item = view.items[index];
  const answered = view.items.filter(isDone).length;

  const finish = useCallback(async () => {
    setPending(true);
    const result = await postFinish(view.id);
    if (!result.ok) {
      setError(result.error);
      setPending(false);
      return;
    }
    router.push(`/interview/${view.id}/report`);
  }, [router, view.id]);

  const go = (next: number) => {
    setIndex(next);
    setError(null);
    requestAnimationFrame(() => heading.current?.focus());
  };

  const submit = async (answer: unknown) => {
    if (!item) return;
    setPending(true);
    setError(null);
    const result = await postAnswer(view.id, item.id, answer);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setView(result.data.interview);
    if (result.data.interview.finishedAt) router.push(`/interview/${view.id}/report`);
  };

  return (
    <div className={styles.runner}>
      <header className={styles.runnerHeader}>
        <div>
          <h1>{formatLabel(view.format)}</h1>
          <p className="muted">
            {view.mode === "study"
              ? "Study mode: feedback after each item."
              : "Real mode: feedback at the end."}{" "}
            {answered} of {view.items.length} answered.
          </p>
        </div>
        <Countdown deadline={view.deadline} serverNow={view.serverNow} onExpire={finish} />
        <button type="button" className="button" onClick={finish} disabled={pending}>
          Finish interview
        </button>
      </header>
      <nav aria-label="Items" className={styles.itemNav}>
        <ol>
          {view.items.map((entry, i) => (
            <li key={entry.id}>
              <button
                type="button"
                className={`button ${i === index ? "primary" : ""}`}
                aria-current={i === index ? "step" : undefined}
                onClick={() => go(i)}
              >
                {i + 1}
                <span className="visually-hidden">
                  {" "}
                  ({TYPE_LABELS[entry.type]}
                  {isDone(entry) ? ", answered" : ""})
                </span>
                {isDone(entry) ? <span aria-hidden="true"> ✓</span> : null}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {item ? (
        <section
          aria-labelledby="item-heading"
          className={`card ${styles.item}`}
          data-item-type={item.type}
          data-item-id={item.id}
        >
          <h2 id="item-heading" ref={heading} tabIndex={-1}>
            Item {index + 1} of {view.items.length}: {TYPE_LABELS[item.type]}{" "}
            <span className="muted">
              · {item.dimension} · about {item.minutes} min
            </span>
          </h2>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX HTML rendered on the server from the bank. */}
          <div className={styles.prompt} dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
          <ItemForm item={item} locked={isDone(item) || pending} pending={pending} onSubmit={submit} />
          {error ? (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          ) : null}
          {isDone(item) && !item.feedback ? (
            <p className="muted">Answer recorded. Feedback comes with the report.</p>
          ) : null}
          <Feedback item={item} />
          <div className={styles.itemActions}>
            <button type="button" className="button" disabled={index === 0} onClick={() => go(index - 1)}>
              Previous item
            </button>
            <button
              type="button"
              className="button"
              disabled={index === view.items.length - 1}
              onClick={() => go(index + 1)}
            >
              Next item
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
