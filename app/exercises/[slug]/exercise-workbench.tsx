"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { GradeReport } from "@/app/components/grade-report/grade-report";
import type { AfterPass as AfterPassLinks } from "@/lib/exercises/after-pass.server";
import type { VisibleRunTest } from "@/lib/exercises/visible-run";
import styles from "../exercises.module.css";
import { SubmissionHistory } from "./submission-history";
import { useSubmissionHistory } from "./use-submission-history";
import { AfterPass } from "./workbench/after-pass";
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
  afterPass: AfterPassLinks;
};

/**
 * A coded exercise's workbench: the language (TypeScript or Python, remembered for the learner), the
 * editor (light editor, then Monaco; a draft per language kept in this browser), Run (visible tests:
 * TypeScript in the browser, Python on the server's sandbox, with the place in the queue), Submit
 * (hidden tests, on the server, with the place in the grader's queue), the feedback, and past
 * submissions to restore. Each part is a hook or a component of ./workbench; every request goes
 * through ./submissions-client.ts or ./workbench/language.ts.
 */
export function ExerciseWorkbench({
  slug,
  starter,
  pythonStarter,
  typesDts,
  visibleTests,
  afterPass,
}: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const starters = useMemo(() => ({ typescript: starter, python: pythonStarter }), [starter, pythonStarter]);
  const { code, codeRef, language, languageRef, usable, updateCode, chooseLanguage, reset } = useDraft(
    slug,
    starters,
    frameRef,
  );
  const browserRun = useVisibleRun(codeRef, visibleTests);
  const serverRun = useServerRun(slug, codeRef);
  const { history, loaded, refresh } = useSubmissionHistory(slug);
  const submission = useCodeSubmission(slug, codeRef, languageRef, refresh);
  const { grading, ahead, result, error, setResult, setError } = submission;
  // What the feedback shows: the last action's outcome only, Run's or Submit's, never both. Starting
  // one hides the other's message; an outcome that arrives for the other one stays hidden.
  const [shown, setShown] = useState<"submit" | "run" | null>(null);
  const choose = useLanguageChoice(usable, chooseLanguage);
  const showRestored = useCallback(
    (restored: Parameters<typeof setResult>[0]) => {
      setShown("submit");
      setResult(restored);
    },
    [setResult],
  );
  const restore = useRestore(choose, updateCode, showRestored, setError);

  const python = language === "python";
  const running = python ? serverRun.running : browserRun.running;
  const runTests = useCallback(() => {
    setShown("run");
    if (languageRef.current === "python") void serverRun.run();
    else void browserRun.runTests();
  }, [languageRef, serverRun.run, browserRun.runTests]);
  const submit = useCallback(() => {
    setShown("submit");
    void submission.submit();
  }, [submission.submit]);
  const showRun = shown === "run";
  const showSubmit = shown === "submit";
  const serverRunReport = python && !serverRun.running ? serverRun.result : null;
  const report = showRun ? serverRunReport : showSubmit && !grading ? result : null;
  const passedNow = showSubmit && !grading && result?.verdict === "passed";

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
        <span className={styles.hint} data-testid="editor-keys">
          Ctrl/⌘+Enter runs · Ctrl/⌘+Shift+Enter submits · Esc then Tab leaves the editor
        </span>
      </div>
      <div aria-live="polite" data-testid="feedback" data-shown={shown ?? "none"}>
        {showRun && !python && browserRun.run ? <RunSummary run={browserRun.run} /> : null}
        {showRun && python && serverRun.running ? <ServerRunStatus ahead={serverRun.ahead} /> : null}
        {showRun && python && serverRun.error ? <p className={styles.error}>{serverRun.error}</p> : null}
        {showRun && python && serverRun.result && !serverRun.running ? (
          <p className={styles.status} data-testid="server-run-summary">
            Run: visible tests only, on the server (not a submission)
          </p>
        ) : null}
        {showSubmit && grading ? <GradingStatus ahead={ahead} /> : null}
        {showSubmit && error ? <p className={styles.error}>{error}</p> : null}
      </div>
      {report ? <GradeReport result={report} /> : null}
      <AfterPass
        slug={slug}
        links={afterPass}
        language={language}
        passedNow={passedNow}
        version={loaded ? history : null}
      />
      <SubmissionHistory rows={history} onRestore={restore} />
    </section>
  );
}
