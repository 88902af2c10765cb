"use client";

import { useEffect, useMemo, useState } from "react";
import { formatNumber } from "@/lib/judgment/curves";
import {
  describeTuneValues,
  getDefaultValues,
  runTune,
  type TuneRun,
  type TuneSetup,
} from "@/lib/judgment/tune";
import styles from "./judgment.module.css";
import { JudgmentVerdict, PastAnswers } from "./judgment-verdict";
import tuneStyles from "./tune.module.css";
import { TuneBest } from "./tune-best";
import { ParamInput } from "./tune-param-input";
import { TuneRunPlots } from "./tune-run-plots";
import { useJudgmentSubmission } from "./use-judgment-submission";

/** Trial runs per exercise, like a compute budget: each shows its curve, none shows the grade. */
export const TRIAL_BUDGET = 8;

/** Where this browser keeps the trial runs of an exercise, so a reload does not refill the budget. */
const storageKey = (slug: string) => `descent.tune-trials.${slug}`;

/** The stored trials that are still valid settings of this exercise (at most the budget). */
function readTrials(slug: string, setup: TuneSetup): Array<Record<string, number>> {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(slug)) ?? "[]");
    if (!Array.isArray(stored)) return [];
    return stored
      .filter(
        (trial): trial is Record<string, number> =>
          typeof trial === "object" &&
          trial !== null &&
          setup.params.every((param) => {
            const value = (trial as Record<string, unknown>)[param.name];
            return typeof value === "number" && value >= param.min && value <= param.max;
          }),
      )
      .slice(0, TRIAL_BUDGET);
  } catch {
    return [];
  }
}

/**
 * Hyper-parameters as sliders and number boxes, a budget of trial runs of the same core the grader
 * runs (each shows its path and loss curve, never the graded score), the server's verdict, and
 * after it, what a full grid search found.
 */
export function TuneWorkbench({ slug, setup }: { slug: string; setup: TuneSetup }) {
  const [values, setValues] = useState<Record<string, number>>(() => getDefaultValues(setup));
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [trials, setTrials] = useState<Array<Record<string, number>>>([]);
  const [shown, setShown] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Record<string, number> | null>(null);
  const { pending, result, error, history, submit } = useJudgmentSubmission(slug);

  useEffect(() => {
    const stored = readTrials(slug, setup);
    setTrials(stored);
    setShown(stored.length ? stored.length - 1 : null);
  }, [slug, setup]);

  const runs = useMemo(
    () =>
      trials.map((trial): TuneRun | null => {
        try {
          return runTune(setup, trial);
        } catch {
          return null;
        }
      }),
    [setup, trials],
  );
  const left = TRIAL_BUDGET - trials.length;

  /** Refuses while a box holds a refused value; says which, and focuses it. */
  function refuseInvalid(form: HTMLFormElement): boolean {
    const [name, message] = Object.entries(invalid)[0] ?? [];
    if (!name) return false;
    setFormError(`Fix this first: ${message}`);
    (form.elements.namedItem(name) as HTMLInputElement | null)?.focus();
    return true;
  }

  function tryRun(form: HTMLFormElement) {
    if (refuseInvalid(form)) return;
    if (left <= 0) {
      setFormError("No trial runs left. Submit the settings you think are best.");
      return;
    }
    setFormError(null);
    const next = [...trials, { ...values }];
    setTrials(next);
    setShown(next.length - 1);
    try {
      window.localStorage.setItem(storageKey(slug), JSON.stringify(next));
    } catch {
      // Private mode: the budget lasts for this page only.
    }
  }

  const shownRun = shown === null ? null : runs[shown];
  const shownValues = shown === null ? null : trials[shown];
  return (
    <section className={styles.workbench} aria-labelledby="tune-heading">
      <h2 id="tune-heading">Your settings</h2>
      <form
        className={styles.params}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (refuseInvalid(event.currentTarget)) return;
          setFormError(null);
          setSubmitted({ ...values });
          void submit(values);
        }}
      >
        {setup.params.map((param) => (
          <ParamInput
            key={param.name}
            param={param}
            value={values[param.name] ?? param.default}
            onChange={(value) => setValues((old) => ({ ...old, [param.name]: value }))}
            onInvalid={(message) =>
              setInvalid((old) => {
                const { [param.name]: _, ...rest } = old;
                return message ? { ...rest, [param.name]: message } : rest;
              })
            }
          />
        ))}
        <p className={tuneStyles.budget} data-testid="tune-budget" aria-live="polite">
          Trial runs left: {left} of {TRIAL_BUDGET}
        </p>
        <div className={styles.toolbar}>
          <button
            type="button"
            className="button"
            aria-disabled={left <= 0 ? true : undefined}
            onClick={(event) => {
              const form = event.currentTarget.form;
              if (form) tryRun(form);
            }}
          >
            Try these settings
          </button>
          <button type="submit" className="button primary" disabled={pending} aria-busy={pending}>
            {pending ? "Grading…" : "Submit settings"}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setValues(getDefaultValues(setup));
              setInvalid({});
              setFormError(null);
            }}
          >
            Reset to defaults
          </button>
        </div>
        {formError ? (
          <p className={styles.error} role="alert">
            {formError}
          </p>
        ) : null}
      </form>
      <JudgmentVerdict result={result} error={error} />
      {result && submitted ? (
        <TuneBest
          setup={setup}
          submitted={submitted}
          onUse={(best) => {
            setValues(best);
            setInvalid({});
          }}
        />
      ) : null}
      {trials.length > 0 ? (
        <section aria-labelledby="tune-trials-heading">
          <h3 id="tune-trials-heading">Your trial runs</h3>
          <ol className={tuneStyles.trials} data-testid="tune-trials">
            {trials.map((trial, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: trials are only ever appended.
              <li key={index} className={index === shown ? tuneStyles.latest : undefined}>
                <span>{describeTuneValues(setup, trial)}</span>
                <button
                  type="button"
                  className={tuneStyles.linkButton}
                  aria-pressed={index === shown}
                  onClick={() => setShown(index)}
                >
                  Show run {index + 1}
                </button>
                <button
                  type="button"
                  className={tuneStyles.linkButton}
                  onClick={() => {
                    setValues({ ...trial });
                    setInvalid({});
                  }}
                >
                  Use these settings
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <TuneRunPlots setup={setup} run={shownRun ?? null} label={shown === null ? null : `Run ${shown + 1}`} />
      {shownValues ? (
        <p className="muted">
          Shown: run {(shown ?? 0) + 1}, {describeTuneValues(setup, shownValues)}. Whether it passes is graded
          when you submit: the mean loss over the last steps must be below {formatNumber(setup.target)}.
        </p>
      ) : null}
      <PastAnswers rows={history} vocabulary={{ kind: "tune", params: setup.params }} />
    </section>
  );
}
