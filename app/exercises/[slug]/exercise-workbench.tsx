"use client";

import { useRef } from "react";
import { GradeReport } from "@/app/components/grade-report/grade-report";
import type { VisibleRunTest } from "@/lib/exercises/visible-run";
import styles from "../exercises.module.css";
import { SubmissionHistory } from "./submission-history";
import { useSubmissionHistory } from "./use-submission-history";
import { EditorFrame } from "./workbench/editor-frame";
import { GradingStatus, RunSummary } from "./workbench/run-summary";
import { useCodeSubmission } from "./workbench/use-code-submission";
import { useDraft } from "./workbench/use-draft";
import { useRestore } from "./workbench/use-restore";
import { useVisibleRun } from "./workbench/use-visible-run";

type Props = {
  slug: string;
  starter: string;
  typesDts: string;
  visibleTests: VisibleRunTest[];
};

/**
 * A coded exercise's workbench: the editor (light editor, then Monaco; the draft kept in this
 * browser), Run (visible tests, in the browser), Submit (hidden tests, on the server, with the
 * place in the grader's queue), the feedback, and past submissions to restore. Each part is a hook
 * or a component of ./workbench; every request goes through ./submissions-client.ts.
 */
export function ExerciseWorkbench({ slug, starter, typesDts, visibleTests }: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const { code, codeRef, usable, updateCode, reset } = useDraft(slug, starter, frameRef);
  const { running, run, runTests } = useVisibleRun(codeRef, visibleTests);
  const { history, refresh } = useSubmissionHistory(slug);
  const { grading, ahead, result, error, submit, setResult, setError } = useCodeSubmission(
    slug,
    codeRef,
    refresh,
  );
  const restore = useRestore(updateCode, setResult, setError);

  return (
    <section className={styles.workbench} aria-label="Your solution">
      <EditorFrame
        slug={slug}
        typesDts={typesDts}
        frameRef={frameRef}
        code={code}
        codeRef={codeRef}
        usable={usable}
        onChange={updateCode}
        onRun={runTests}
        onSubmit={submit}
      />
      <div className={styles.toolbar}>
        <button type="button" className="button" onClick={runTests} disabled={running}>
          {running ? "Running…" : "Run visible tests"}
        </button>
        <button type="button" className="button" onClick={submit} disabled={grading} aria-busy={grading}>
          {grading ? "Grading…" : "Submit"}
        </button>
        <button type="button" className="button" onClick={reset}>
          Reset to starter
        </button>
        <span className={styles.hint}>Ctrl/⌘+Enter runs · Ctrl/⌘+Shift+Enter submits</span>
      </div>
      <div aria-live="polite">
        {run ? <RunSummary run={run} /> : null}
        {grading ? <GradingStatus ahead={ahead} /> : null}
        {error ? <p className={styles.error}>{error}</p> : null}
      </div>
      {result && !grading ? <GradeReport result={result} /> : null}
      <SubmissionHistory rows={history} onRestore={restore} />
    </section>
  );
}
