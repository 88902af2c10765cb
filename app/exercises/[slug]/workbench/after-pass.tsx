"use client";

import { useEffect, useState } from "react";
import type { AfterPass as AfterPassLinks } from "@/lib/exercises/after-pass.server";
import type { SolutionAccessAnswer } from "@/lib/exercises/answers";
import { fetchSolutionAccess, requestSolution } from "../solution-client";
import styles from "./after-pass.module.css";
import type { Language } from "./language";
import { NextLinks } from "./next-links";

type Props = {
  slug: string;
  links: AfterPassLinks;
  language: Language;
  /** The result on screen is a pass: the panel shows at once, before the server is asked again. */
  passedNow: boolean;
  /**
   * The learner's submissions as last loaded: the access is asked for once they are, and again
   * whenever they change (after every graded submission); null until the first load.
   */
  version: unknown;
};

/**
 * What comes after a pass: the reference solution with its write-up (a page of its own), the lesson
 * section this exercise practises and the next exercise. Before a pass, after enough failed
 * submissions, the learner may ask for the solution (recorded); before that, the rule is stated.
 */
export function AfterPass({ slug, links, language, passedNow, version }: Props) {
  const [access, setAccess] = useState<SolutionAccessAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Only the answer to the latest question counts (a slow one must not overwrite a newer one).
    let current = true;
    if (version === null) return;
    void fetchSolutionAccess(slug).then((answer) => {
      if (current && answer) setAccess(answer);
    });
    return () => {
      current = false;
    };
  }, [slug, version]);

  const solutionHref = `/exercises/${slug}/solution?language=${language}`;
  const state = passedNow ? "passed" : access?.state;
  if (state === "passed" || state === "revealed") {
    return (
      <section className={styles.panel} aria-labelledby="after-pass-heading" data-testid="after-pass">
        <h3 id="after-pass-heading">
          {state === "passed" ? "Passed: what comes next" : "The reference solution"}
        </h3>
        <p>
          <a href={solutionHref} data-testid="solution-link">
            Read the reference solution and its write-up
          </a>{" "}
          (the classic mistakes, how PyTorch does it, the line interviewers ask about).
        </p>
        <NextLinks afterPass={links} />
      </section>
    );
  }
  if (!access || access.failedAttempts === 0) return null;
  if (access.state === "available") {
    const reveal = async () => {
      const answer = await requestSolution(slug);
      if ("error" in answer) setError(answer.error);
      else window.location.assign(solutionHref);
    };
    return (
      <section className={styles.panel} aria-label="Reference solution" data-testid="solution-offer">
        <p>
          {access.failedAttempts} failed submissions: you may read the reference solution and its write-up
          now. Your request is recorded; passing it yourself later still counts.
        </p>
        <p>
          <button type="button" className="button" onClick={reveal}>
            Show the reference solution
          </button>
        </p>
        {error ? <p role="alert">{error}</p> : null}
        <NextLinks afterPass={links} showNext={false} />
      </section>
    );
  }
  return (
    <p className="muted" data-testid="solution-rule">
      The reference solution and its write-up open after a pass, or on request after {access.needed} failed
      submissions ({access.failedAttempts} so far).
    </p>
  );
}
