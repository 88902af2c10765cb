"use client";

import dynamic from "next/dynamic";
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Handoff } from "@/app/components/editor/code-editor";
import { LightEditor } from "@/app/components/editor/light-editor";
import { GradeReport } from "@/app/components/grade-report/grade-report";
import { type BrowserRunResult, runInWorker } from "@/lib/exercises/run-in-worker";
import type { VisibleRunTest } from "@/lib/exercises/visible-run";
import { newTicket, TICKET_HEADER } from "@/lib/grader/queue-ticket";
import type { GradeResult } from "@/lib/grader/result";
import styles from "../exercises.module.css";
import { SubmissionHistory, type SubmissionRow } from "./submission-history";
import { fetchPastSubmissions, loadAnswers, postSubmission } from "./submissions-client";

// Monaco (≈ 1.1 MiB gzip, and its TypeScript worker ≈ 1.4 MiB) loads only here, and only once the
// light editor is usable: when the browser is idle or the learner focuses the code, whichever is first.
// Until then the learner reads, types and runs in LightEditor (docs/decisions/062-two-stage-editor.md).
const CodeEditor = dynamic(() => import("@/app/components/editor/code-editor"), { ssr: false });

const CODE_ID = "exercise-code";
const EDITOR_LABEL =
  "Your solution (TypeScript). Ctrl+Enter runs, Ctrl+Shift+Enter submits, Escape then Tab leaves the editor.";
/** How long Monaco waits for an idle moment after the page is usable before it loads anyway. */
const MONACO_IDLE_TIMEOUT_MS = 1500;

type Props = {
  slug: string;
  starter: string;
  typesDts: string;
  visibleTests: VisibleRunTest[];
};

const draftKey = (slug: string) => `descent:exercise-draft:${slug}`;

function saveDraft(slug: string, code: string) {
  try {
    localStorage.setItem(draftKey(slug), code);
  } catch {
    // Quota or private mode: the draft just is not kept.
  }
}

/** What the learner had in the textarea before React hydrated it (set by earlyEditor). */
type EarlyCode = { value: string; start: number; end: number };
declare global {
  interface Window {
    __descentEarlyCode?: EarlyCode;
  }
}

/**
 * Runs inline as the page is parsed, before its first paint and before React (it is sent as source
 * text, so it uses nothing from outside). A saved draft goes into the textarea at once, shown as plain
 * text (data-plain hides the highlighted layer, which still holds the starter) until React has
 * highlighted it: the learner never sees the starter turn into the draft. Text typed before React
 * has hydrated, and its selection, are kept in window.__descentEarlyCode for the workbench to take.
 */
function earlyEditor(id: string, key: string) {
  const textarea = document.getElementById(id) as HTMLTextAreaElement | null;
  const frame = textarea?.closest("[data-editor-frame]");
  if (!textarea || !frame) return;
  const keep = () => {
    frame.setAttribute("data-plain", "");
    window.__descentEarlyCode = {
      value: textarea.value,
      start: textarea.selectionStart,
      end: textarea.selectionEnd,
    };
  };
  try {
    const draft = localStorage.getItem(key);
    if (draft !== null && draft !== textarea.value) {
      textarea.value = draft;
      keep();
    }
  } catch {
    // No storage: the starter stays.
  }
  const track = (event: Event) => {
    if (frame.hasAttribute("data-editor-usable")) return;
    if (event.type === "input" || window.__descentEarlyCode) keep();
  };
  for (const type of ["input", "keyup", "mouseup", "select"]) textarea.addEventListener(type, track);
}

/** Editor, Run (visible tests, in the browser), Submit (hidden tests, on the server) and feedback. */
export function ExerciseWorkbench({ slug, starter, typesDts, visibleTests }: Props) {
  const [code, setCode] = useState(starter);
  // light: the textarea editor; loading: Monaco is being built, hidden; monaco: Monaco has the text.
  const [engine, setEngine] = useState<"light" | "loading" | "monaco">("light");
  const [usable, setUsable] = useState(false);
  const frameRef = useRef<HTMLDivElement>(null);
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

  // Before the first paint of a client-side navigation, and right after hydration otherwise: the code
  // is what the learner typed before hydration (earlyEditor), else the saved draft, else the starter.
  useLayoutEffect(() => {
    const textarea = document.getElementById(CODE_ID) as HTMLTextAreaElement | null;
    const early = window.__descentEarlyCode;
    delete window.__descentEarlyCode;
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(draftKey(slug));
    } catch {
      // Storage may be unavailable (private mode); the starter stays.
    }
    const next = early?.value ?? saved;
    if (next !== null) {
      codeRef.current = next;
      setCode(next);
      if (next !== saved) saveDraft(slug, next);
      // Into the textarea now (React's render writes the same value, so leaves the caret alone).
      if (textarea && textarea.value !== next) textarea.value = next;
      if (textarea && early) textarea.setSelectionRange(early.start, early.end);
    }
    frameRef.current?.removeAttribute("data-plain");
    setUsable(true);
  }, [slug]);

  // Monaco comes when the browser is idle, or at once when the learner puts the caret in the code.
  const loadMonaco = useCallback(() => setEngine((e) => (e === "light" ? "loading" : e)), []);
  useEffect(() => {
    if (!usable) return;
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(loadMonaco, { timeout: MONACO_IDLE_TIMEOUT_MS });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(loadMonaco, 200);
    return () => clearTimeout(id);
  }, [usable, loadMonaco]);

  // What the light editor holds, read by Monaco as it takes over.
  const takeOver = useCallback((): Handoff => {
    const textarea = document.getElementById(CODE_ID) as HTMLTextAreaElement | null;
    const scroller = frameRef.current?.querySelector<HTMLElement>("[data-light-editor]");
    if (!textarea) {
      return { value: codeRef.current, anchor: 0, active: 0, scrollTop: 0, scrollLeft: 0, focused: false };
    }
    const backward = textarea.selectionDirection === "backward";
    return {
      value: textarea.value,
      anchor: backward ? textarea.selectionEnd : textarea.selectionStart,
      active: backward ? textarea.selectionStart : textarea.selectionEnd,
      scrollTop: scroller?.scrollTop ?? 0,
      scrollLeft: scroller?.scrollLeft ?? 0,
      focused: document.activeElement === textarea,
    };
  }, []);
  // Same task as takeOver: the frame shows Monaco (CSS on data-engine) before any other event runs.
  const monacoReady = useCallback(() => {
    frameRef.current?.setAttribute("data-engine", "monaco");
    setEngine("monaco");
  }, []);

  const onLightKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    // The textarea's text, not the last render's: the key may follow a keystroke at once.
    codeRef.current = event.currentTarget.value;
    if (event.shiftKey) void submit();
    else void runTests();
  };

  const refreshHistory = useCallback(async () => {
    const submissions = await fetchPastSubmissions(slug);
    if (submissions) setHistory(submissions);
  }, [slug]);
  useEffect(() => {
    void refreshHistory();
  }, [refreshHistory]);

  const updateCode = (next: string) => {
    // The ref first: Ctrl+Enter pressed right after a keystroke, before React has rendered it, must
    // run the code as typed (Monaco's change events are not React events, so the render can lag).
    codeRef.current = next;
    setCode(next);
    saveDraft(slug, next);
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
      const answer = await postSubmission(
        slug,
        { code: codeRef.current },
        { [TICKET_HEADER]: ticketRef.current },
      );
      if ("result" in answer) setResult(answer.result);
      else setError(answer.error);
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
        const [response, answers] = await Promise.all([
          fetch(`/api/grader/queue?ticket=${ticketRef.current}`, { cache: "no-store" }),
          loadAnswers(),
        ]);
        if (!response.ok || stopped) return;
        const body = answers.QueuePositionAnswerSchema.safeParse(await response.json());
        if (!stopped && body.success) setAhead(body.data.state === "waiting" ? body.data.ahead : null);
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
    try {
      const [response, answers] = await Promise.all([fetch(`/api/submissions/${id}`), loadAnswers()]);
      if (!response.ok) return setError("Could not load that submission.");
      const { submission } = answers.parseAnswer(
        answers.SubmissionAnswerSchema,
        await response.json(),
        "loading that submission",
      );
      updateCode(submission.code);
      setResult(submission.result);
    } catch (error) {
      // A page and server of different releases; anything else is the connection.
      const unreadable = error instanceof Error && error.name === "UnexpectedAnswerError";
      setError(unreadable ? error.message : "Could not load that submission.");
    }
  };

  return (
    <section className={styles.workbench} aria-label="Your solution">
      <div
        ref={frameRef}
        className={styles.editorFrame}
        data-editor-frame=""
        data-engine={engine === "monaco" ? "monaco" : "light"}
        data-editor-usable={usable ? "true" : undefined}
      >
        {engine !== "monaco" ? (
          <LightEditor
            id={CODE_ID}
            value={code}
            onChange={updateCode}
            onKeyDown={onLightKeyDown}
            onFocus={loadMonaco}
            label={EDITOR_LABEL}
          />
        ) : null}
        {engine !== "light" ? (
          <div className={styles.monacoLayer}>
            <CodeEditor
              value={code}
              onChange={updateCode}
              typesDts={typesDts}
              onRun={runTests}
              onSubmit={submit}
              label={EDITOR_LABEL}
              takeOver={takeOver}
              onReady={monacoReady}
            />
          </div>
        ) : null}
      </div>
      <script
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed script of this page, no learner input.
        dangerouslySetInnerHTML={{
          __html: `(${earlyEditor.toString()})(${JSON.stringify(CODE_ID)}, ${JSON.stringify(draftKey(slug))})`,
        }}
        suppressHydrationWarning
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
