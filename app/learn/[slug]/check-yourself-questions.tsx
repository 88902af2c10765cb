"use client";

import { useEffect, useState } from "react";
import { Feedback } from "@/app/interview/feedback";
import { getCheckYourself, postAnswer, postCheckYourself } from "@/app/interview/interview-client";
import { ItemForm, TYPE_LABELS } from "@/app/interview/item-form";
import type { CheckYourselfView, ItemView } from "@/lib/interview/view";
import styles from "./check-yourself.module.css";

const isDone = (item: ItemView) => item.answered !== null && !item.answered.marking;

/**
 * The lesson's questions, all on the page: each answered with the interview's own forms, graded by
 * the interview's graders on the server (the lesson's stored check-yourself interview, Study mode),
 * its feedback shown under it.
 */
export function CheckYourselfQuestions({ lesson }: { lesson: string }) {
  const [view, setView] = useState<CheckYourselfView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    let cancelled = false;
    void getCheckYourself(lesson).then((result) => {
      if (cancelled) return;
      if (result.ok) setView(result.data.checkYourself);
      else setLoadError(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [lesson]);

  if (loadError)
    return (
      <p role="alert" className={styles.error}>
        The questions could not be loaded: {loadError}
      </p>
    );
  if (!view) return <p aria-live="polite">Loading the questions…</p>;

  const submit = async (item: ItemView, answer: unknown) => {
    setPending(item.id);
    setErrors(({ [item.id]: _, ...rest }) => rest);
    const fail = (error: string) => {
      setErrors((old) => ({ ...old, [item.id]: error }));
      setPending(null);
    };
    // The first answer stores the lesson's questions for the learner.
    let interviewId = view.interviewId;
    if (!interviewId) {
      const started = await postCheckYourself(lesson);
      if (!started.ok) return fail(started.error);
      interviewId = started.data.checkYourself.interviewId as string;
    }
    const result = await postAnswer(interviewId, item.id, answer);
    if (!result.ok) return fail(result.error);
    setView({ lesson, interviewId, items: result.data.interview.items });
    setPending(null);
  };

  const done = view.items.filter(isDone).length;
  return (
    <>
      <p className="muted" aria-live="polite">
        {done} of {view.items.length} answered.
      </p>
      <ol className={styles.questions}>
        {view.items.map((item, index) => (
          <li key={item.id} className="card" data-item-type={item.type} data-item-id={item.id}>
            <h3 id={`check-${item.id}`}>
              Question {index + 1}: {TYPE_LABELS[item.type]}
            </h3>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX HTML rendered on the server from the bank. */}
            <div className={styles.prompt} dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
            <ItemForm
              item={item}
              locked={isDone(item) || pending !== null}
              pending={pending === item.id}
              onSubmit={(answer) => void submit(item, answer)}
            />
            {errors[item.id] ? (
              <p role="alert" className={styles.error}>
                {errors[item.id]}
              </p>
            ) : null}
            <Feedback item={item} />
          </li>
        ))}
      </ol>
    </>
  );
}
