"use client";

import Editor, { loader, type OnChange, type OnMount } from "@monaco-editor/react";
import type * as MonacoEditor from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import { EDITOR_COMPILER_OPTIONS } from "@/lib/exercises/editor-compiler-options";
import { monaco } from "./monaco";
import { startPythonDiagnostics } from "./python-diagnostics";

// Monaco comes from the local package, never a CDN; its workers are bundled next to this file.
declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}
if (typeof window !== "undefined") {
  window.MonacoEnvironment = {
    getWorker(_workerId, label) {
      if (label === "typescript" || label === "javascript") {
        return new Worker(new URL("./ts.worker.ts", import.meta.url), { type: "module" });
      }
      return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module" });
    },
  };
  // The slim build has the same API surface the editor uses (editor, languages, Uri, typescript).
  loader.config({ monaco: monaco as unknown as typeof MonacoEditor });
  // Monaco's themes on the site's own surface (--bg-elevated). vs-dark's comment green (#608b4e) has
  // 4.2:1 contrast on its background: #7fae6b has 6.8:1 here, AA for the text learners read first.
  monaco.editor.defineTheme("descent-light", {
    base: "vs",
    inherit: true,
    rules: [],
    colors: { "editor.background": "#ffffff" },
  });
  monaco.editor.defineTheme("descent-dark", {
    base: "vs-dark",
    inherit: true,
    rules: [{ token: "comment", foreground: "7fae6b" }],
    colors: { "editor.background": "#171a21" },
  });
}

type EditorTheme = "descent-light" | "descent-dark";

/** Props of CodeEditor. */
export type CodeEditorProps = {
  value: string;
  /** The code's language: TypeScript (checked by Monaco's TypeScript worker) or Python (by Ruff). */
  language?: "typescript" | "python";
  onChange: (value: string) => void;
  /** Declarations the TypeScript checker sees (the exercise's types). */
  typesDts: string;
  onRun: () => void;
  onSubmit: () => void;
  label: string;
  /**
   * Called once Monaco is built, still hidden: what the first editor holds now (its text, selection and
   * scroll position, whether it has the focus), which Monaco takes over before it is shown.
   */
  takeOver: () => Handoff;
  /** Monaco has the text and is shown (called in the same task as takeOver: no keystroke falls between). */
  onReady: () => void;
};

/** The first editor's state at the moment Monaco replaces it. */
export type Handoff = {
  value: string;
  /** Offsets in `value`; the anchor is where the selection started (the active end has the caret). */
  anchor: number;
  active: number;
  scrollTop: number;
  scrollLeft: number;
  focused: boolean;
};

function readSiteTheme(): EditorTheme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "dark") return "descent-dark";
  if (chosen === "light") return "descent-light";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "descent-dark" : "descent-light";
}

/** Follows html[data-theme], else prefers-color-scheme. */
function useMonacoTheme(): EditorTheme {
  const [theme, setTheme] = useState<EditorTheme>(() =>
    typeof window === "undefined" ? "descent-light" : readSiteTheme(),
  );
  useEffect(() => {
    const update = () => setTheme(readSiteTheme());
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", update);
    return () => {
      observer.disconnect();
      media.removeEventListener("change", update);
    };
  }, []);
  return theme;
}

/**
 * Tab indents inside the editor; Escape then Tab (or Shift+Tab) moves the focus on, as in the light
 * editor. Escape turns on Monaco's own tab-focus mode (what Ctrl+M toggles for good) for the next key
 * only: any other key, or leaving the editor, turns it off again, so Tab indents as before.
 */
function leaveOnEscapeThenTab(editor: Parameters<OnMount>[0], m: Parameters<OnMount>[1]) {
  let tabLeaves = false;
  const setTabLeaves = (on: boolean) => {
    if (tabLeaves === on) return;
    tabLeaves = on;
    editor.updateOptions({ tabFocusMode: on });
  };
  editor.onKeyDown((event) => {
    if (event.keyCode === m.KeyCode.Escape) setTabLeaves(true);
    else if (event.keyCode !== m.KeyCode.Tab && event.keyCode !== m.KeyCode.Shift) setTabLeaves(false);
  });
  editor.onDidBlurEditorText(() => setTabLeaves(false));
}

/** Each language's model: switching languages switches models (each keeps its own undo history). */
const MODEL_PATHS = { typescript: "file:///solution.ts", python: "file:///solution.py" } as const;

/** The Monaco editor of an exercise, TypeScript or Python (client only; load it with next/dynamic). */
export default function CodeEditor({
  value,
  language = "typescript",
  onChange,
  typesDts,
  onRun,
  onSubmit,
  label,
  takeOver,
  onReady,
}: CodeEditorProps) {
  const theme = useMonacoTheme();
  // Keyboard commands are bound once; keep them pointing at the latest handlers.
  const handlers = useRef({ onRun, onSubmit });
  handlers.current = { onRun, onSubmit };
  // data-editor-ready: Monaco has mounted with the code and the keyboard commands are bound.
  const [ready, setReady] = useState(false);

  // Monaco owns the text while the learner types: a `value` prop that only echoes what the editor
  // reported must never be written back, or a render that lands between two fast keystrokes reverts
  // the second one (a controlled @monaco-editor/react loses characters). Only a value the editor did
  // not produce (Reset to starter, Restore) is put into the editor, as an undoable edit.
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const lastEmitted = useRef(value);
  const latestValue = useRef(value);
  latestValue.current = value;
  const fromOutside = value !== lastEmitted.current;
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!fromOutside || !editor || !model) return;
    lastEmitted.current = value;
    if (editor.getValue() === value) return;
    editor.executeEdits("replace", [
      { range: model.getFullModelRange(), text: value, forceMoveMarkers: true },
    ]);
    editor.pushUndoStop();
  }, [value, fromOutside]);
  const handleChange: OnChange = (next) => {
    lastEmitted.current = next ?? "";
    onChange(next ?? "");
  };

  useEffect(() => {
    const ts = monaco.typescript;
    // Real mistakes only: strict, without noUncheckedIndexedAccess (lib/exercises/editor-compiler-options.ts).
    ts.typescriptDefaults.setCompilerOptions({
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      ...EDITOR_COMPILER_OPTIONS,
      lib: [...EDITOR_COMPILER_OPTIONS.lib],
    });
    const extra = ts.typescriptDefaults.addExtraLib(typesDts, "file:///exercise-types.d.ts");
    return () => extra.dispose();
  }, [typesDts]);

  // Python: Ruff's diagnostics (a WebAssembly worker, started only now) on the Python model. Child
  // effects run first, so the editor already holds this language's model.
  useEffect(() => {
    const editor = editorRef.current;
    if (!ready || language !== "python" || !editor) return;
    return startPythonDiagnostics(editor, monaco as unknown as typeof MonacoEditor);
  }, [ready, language]);

  const handleMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    // One task from here to onReady: the first editor's text, selection and scroll become Monaco's,
    // and Monaco is shown with the focus where the learner had it. A keystroke cannot fall in between.
    const handoff = takeOver();
    if (editor.getValue() !== handoff.value) editor.setValue(handoff.value);
    lastEmitted.current = handoff.value;
    if (handoff.value !== latestValue.current) onChange(handoff.value);
    const model = editor.getModel();
    if (model) {
      const anchor = model.getPositionAt(handoff.anchor);
      const active = model.getPositionAt(handoff.active);
      editor.setSelection(
        new m.Selection(anchor.lineNumber, anchor.column, active.lineNumber, active.column),
      );
    }
    editor.setScrollPosition(
      { scrollTop: handoff.scrollTop, scrollLeft: handoff.scrollLeft },
      m.editor.ScrollType.Immediate,
    );
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => handlers.current.onRun());
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyMod.Shift | m.KeyCode.Enter, () => handlers.current.onSubmit());
    leaveOnEscapeThenTab(editor, m);
    // Test hooks, under automation only: the editor, and Monaco itself for its diagnostics (markers).
    if (process.env.NODE_ENV !== "production" || navigator.webdriver) {
      Object.assign(window, { descentEditor: editor, descentMonaco: m });
    }
    onReady();
    if (handoff.focused) editor.focus();
    setReady(true);
  };

  return (
    <div style={{ height: "100%" }} data-editor-ready={ready ? "true" : "false"}>
      <Editor
        height="100%"
        language={language}
        path={MODEL_PATHS[language]}
        theme={theme}
        defaultValue={value}
        onChange={handleChange}
        onMount={handleMount}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          fontSize: 14,
          scrollBeyondLastLine: false,
          tabSize: language === "python" ? 4 : 2,
          // Monaco dims the line number after a final newline on Linux, below AA contrast; Python
          // files end with one (the TypeScript editor keeps Monaco's default).
          ...(language === "python" ? { renderFinalNewline: "on" as const } : {}),
          automaticLayout: true,
          accessibilitySupport: "auto",
          // No fading of unused names: the starter's parameters are unused until the learner writes
          // the step, and faded text is below AA contrast.
          showUnused: false,
        }}
        loading={null}
      />
    </div>
  );
}
