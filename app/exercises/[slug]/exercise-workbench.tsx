"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { GradeReport } from "@/app/components/grade-report/grade-report";
import { type BrowserRunResult, runInWorker } from "@/lib/exercises/run-in-worker";
import type { VisibleRunTest } from "@/lib/exercises/visible-run";
import { newTicket, TICKET_HEADER } from "@/lib/grader/queue-ticket";
import type { GradeResult } from "@/lib/grader/result";
import styles from "../exercises.module.css";
import { SubmissionHistory, type SubmissionRow } from "./submission-history";

// Monaco (≈ 2.6 MiB gzip with its TypeScript worker) loads only here, never on other pages. Until it is
// ready, the server's highlighted starter (`preview`) fills the frame.
const CodeEditor = dynamic(() => import("@/app/components/editor/code-editor"), { ssr: false });

type Props = {
  slug: string;
  starter: string;
  typesDts: string;
  visibleTests: VisibleRunTest[];
  /** The starter code rendered on the server, shown in the editor's place until the editor is ready. */
  preview?: ReactNode;
};

const draftKey = (slug: string) => `descent:exercise-draft:${slug}`;

/** Editor, Run (visible tests, in the browser), Submit (hidden tests, on the server) and feedback. */
export function ExerciseWorkbench({ slug, starter, typesDts, visibleTests, preview }: Props) {
  const [code, setCode] = useState(starter);
  const [loaded, setLoaded] = useState(false);
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<BrowserRunResult | null>(null);
  const [grading, setGrading] = useState(false);
  const [result, setResult] = useState<GradeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<SubmissionRow[]>([]);
  const codeRef = useRef(code);
  codeRef.current = code;
  const gradingRef = useRef(false);
  // Submissions ahead of this learner's in the grader's queue while it waits (null: not waiting).
  const [ahead, setAhead] = useState<number | null>(null);
  const ticketRef = useRef("");

  useEffect(() => {
    try {
      const saved = localStorage.getItem(draftKey(slug));
      if (saved !== null) setCode(saved);
    } catch {
      // Storage may be unavailable (private mode); the starter stays.
    }
    setLoaded(true);
  }, [slug]);

  const refreshHistory = useCallback(async () => {
    const response = await fetch(`/api/exercises/${slug}/submissions`);
    if (response.ok) setHistory(((await response.json()) as { submissions: SubmissionRow[] }).submissions);
  }, [slug]);
  useEffect(() => {
    void refreshHistory();
  }, [refreshHistory]);

  const updateCode = (next: string) => {
    // The ref first: Ctrl+Enter pressed right after a keystroke, before React has rendered it, must
    // run the code as typed (Monaco's change events are not React events, so the render can lag).
    codeRef.current = next;
    setCode(next);
    try {
      localStorage.setItem(draftKey(slug), next);
    } catch {
      // Quota or private mode: the draft just is not kept.
    }
  };

  const runTests = useCallback(async () => {
    setRunning(true);
    setRun(await runInWorker(codeRef.current, visibleTests));
    setRunning(false);
  }, [visibleTests]);

  const submit = useCallback(async () => {
    if (gradingRef.current) return;
    gradingRef.current = true;
    ticketRef.current = newTicket();
    setGrading(true);
    setError(null);
    try {
      const response = await fetch(`/api/exercises/${slug}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json", [TICKET_HEADER]: ticketRef.current },
        body: JSON.stringify({ code: codeRef.current }),
      });
      const body = (await response.json()) as { result?: GradeResult; error?: string };
      if (!response.ok || !body.result) setError(body.error ?? `The server answered ${response.status}.`);
      else setResult(body.result);
      await refreshHistory();
    } catch {
      setError("Could not reach the server. Your code is saved in this browser; try again.");
    } finally {
      gradingRef.current = false;
      setGrading(false);
    }
  }, [slug, refreshHistory]);

  // While a submission is pending, ask the server every second where it stands in the queue.
  useEffect(() => {
    if (!grading) {
      setAhead(null);
      return;
    }
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`/api/grader/queue?ticket=${ticketRef.current}`, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { state: string; ahead?: number };
        if (!stopped) setAhead(body.state === "waiting" ? (body.ahead ?? 0) : null);
      } catch {
        // The submit request reports connection problems.
      }
    };
    const timer = setInterval(poll, 1000);
    const first = setTimeout(poll, 300);
    return () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [grading]);

  const reset = () => {
    if (window.confirm("Replace your code with the starter? Your current draft will be lost."))
      updateCode(starter);
  };

  const restore = async (id: string) => {
    const response = await fetch(`/api/submissions/${id}`);
    if (!response.ok) return setError("Could not load that submission.");
    const { submission } = (await response.json()) as {
      submission: { code: string; result: GradeResult | null };
    };
    updateCode(submission.code);
    setResult(submission.result);
  };

  return (
    <section className={styles.workbench} aria-label="Your solution">
      <div className={styles.editorFrame}>
        {preview}
        {loaded ? (
          <CodeEditor
            value={code}
            onChange={updateCode}
            typesDts={typesDts}
            onRun={runTests}
            onSubmit={submit}
            label="Your solution (TypeScript). Ctrl+Enter runs, Ctrl+Shift+Enter submits, Ctrl+M then Tab leaves the editor."
          />
        ) : null}
      </div>
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
        {grading ? (
          <p className={styles.status}>
            {ahead === null
              ? "Grading… running hidden tests"
              : ahead === 0
                ? "Waiting for a grader: you are next"
                : `Waiting for a grader: ${ahead} ${ahead === 1 ? "submission" : "submissions"} ahead of you`}
          </p>
        ) : null}
        {error ? <p className={styles.error}>{error}</p> : null}
      </div>
      {result && !grading ? <GradeReport result={result} /> : null}
      <SubmissionHistory rows={history} onRestore={restore} />
    </section>
  );
}

function RunSummary({ run }: { run: BrowserRunResult }) {
  if (run.kind !== "done") return <p className={styles.error}>Run: {run.message}</p>;
  const passed = run.tests.filter((t) => t.status === "pass").length;
  return (
    <div>
      <p className={styles.status} data-testid="run-summary">
        Visible tests: {passed} of {run.tests.length} passed ({Math.round(run.durationMs)} ms)
      </p>
      <ul className={styles.runResults}>
        {run.tests.map((test) => (
          <li key={test.name}>
            <span className={test.status === "pass" ? styles.pass : styles.fail}>
              {test.status === "pass" ? "Pass" : test.status === "fail" ? "Fail" : "Error"}
            </span>{" "}
            {test.name}
            {test.status !== "pass" ? `: ${test.message}` : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
