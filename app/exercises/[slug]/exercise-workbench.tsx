"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { GradeReport } from "@/app/components/grade-report/grade-report";
import type { VisibleRunTest } from "@/lib/exercises/visible-run";
import styles from "../exercises.module.css";
import { SubmissionHistory } from "./submission-history";
import { useSubmissionHistory } from "./use-submission-history";
import { EditorFrame } from "./workbench/editor-frame";
import { LanguageChoice } from "./workbench/language-choice";
import { GradingStatus, RunSummary, ServerRunStatus } from "./workbench/run-summary";
import { useCodeSubmission } from "./workbench/use-code-submission";
import { useDraft } from "./workbench/use-draft";
import { useLanguageChoice } from "./workbench/use-language-choice";
import { useRestore } from "./workbench/use-restore";
import { useServerRun } from "./workbench/use-server-run";
import { useVisibleRun } from "./workbench/use-visible-run";

type Props = {
  slug: string;
  starter: string;
  pythonStarter: string;
  typesDts: string;
  visibleTests: VisibleRunTest[];
};

/**
 * A coded exercise's workbench: the language (TypeScript or Python, remembered for the learner), the
 * editor (light editor, then Monaco; a draft per language kept in this browser), Run (visible tests:
 * TypeScript in the browser, Python on the server's sandbox, with the place in the queue), Submit
 * (hidden tests, on the server, with the place in the grader's queue), the feedback, and past
 * submissions to restore. Each part is a hook or a component of ./workbench; every request goes
 * through ./submissions-client.ts or ./workbench/language.ts.
 */
export function ExerciseWorkbench({ slug, starter, pythonStarter, typesDts, visibleTests }: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const starters = useMemo(() => ({ typescript: starter, python: pythonStarter }), [starter, pythonStarter]);
  const { code, codeRef, language, languageRef, usable, updateCode, chooseLanguage, reset } = useDraft(
    slug,
    starters,
    frameRef,
  );
  const browserRun = useVisibleRun(codeRef, visibleTests);
  const serverRun = useServerRun(slug, codeRef);
  const { history, refresh } = useSubmissionHistory(slug);
  const submission = useCodeSubmission(slug, codeRef, languageRef, refresh);
  const { grading, ahead, result, error, setResult, setError } = submission;
  // Which report is shown: the last Submit's, or the last Python Run's (visible tests only).
  const [shown, setShown] = useState<"submit" | "run">("submit");
  const choose = useLanguageChoice(usable, chooseLanguage);
  const restore = useRestore(choose, updateCode, setResult, setError);

  const python = language === "python";
  const running = python ? serverRun.running : browserRun.running;
  const runTests = useCallback(() => {
    if (languageRef.current === "python") {
      setShown("run");
      void serverRun.run();
    } else void browserRun.runTests();
  }, [languageRef, serverRun.run, browserRun.runTests]);
  const submit = useCallback(() => {
    setShown("submit");
    void submission.submit();
  }, [submission.submit]);
  const report = shown === "run" && python ? serverRun.result : result;

  return (
    <section className={styles.workbench} aria-label="Your solution">
      <LanguageChoice language={language} onChoose={choose} />
      <EditorFrame
        slug={slug}
        language={language}
        pythonStarter={pythonStarter}
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
        <button type="button" className="button" onClick={runTests} disabled={running} aria-busy={running}>
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
        {browserRun.run && !python ? <RunSummary run={browserRun.run} /> : null}
        {python && serverRun.running ? <ServerRunStatus ahead={serverRun.ahead} /> : null}
        {python && shown === "run" && serverRun.error ? (
          <p className={styles.error}>{serverRun.error}</p>
        ) : null}
        {python && shown === "run" && serverRun.result && !serverRun.running ? (
          <p className={styles.status} data-testid="server-run-summary">
            Run: visible tests only, on the server (not a submission)
          </p>
        ) : null}
        {grading ? <GradingStatus ahead={ahead} /> : null}
        {error ? <p className={styles.error}>{error}</p> : null}
      </div>
      {report && !grading && !(shown === "run" && serverRun.running) ? <GradeReport result={report} /> : null}
      <SubmissionHistory rows={history} onRestore={restore} />
    </section>
  );
}
