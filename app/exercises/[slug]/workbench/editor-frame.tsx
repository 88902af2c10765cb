"use client";

import dynamic from "next/dynamic";
import type { KeyboardEvent, RefObject } from "react";
import { LightEditor } from "@/app/components/editor/light-editor";
import styles from "../../exercises.module.css";
import { CODE_ID, earlyEditorScript } from "./drafts";
import { type Language, LANGUAGE_NAMES } from "./language";
import { useEditorHandoff } from "./use-editor-handoff";

// Monaco (≈ 1.1 MiB gzip, and its TypeScript worker ≈ 1.4 MiB) loads only here, and only once the
// light editor is usable: when the browser is idle or the learner focuses the code, whichever is first.
// Until then the learner reads, types and runs in LightEditor (docs/decisions/062-two-stage-editor.md).
const CodeEditor = dynamic(() => import("@/app/components/editor/code-editor"), { ssr: false });

const editorLabel = (language: Language) =>
  `Your solution (${LANGUAGE_NAMES[language]}). Ctrl+Enter runs, Ctrl+Shift+Enter submits, Escape then Tab leaves the editor.`;

type Props = {
  slug: string;
  language: Language;
  /** The Python starter, for the inline script (Python chosen and no Python draft yet). */
  pythonStarter: string;
  typesDts: string;
  frameRef: RefObject<HTMLDivElement | null>;
  code: string;
  codeRef: RefObject<string>;
  usable: boolean;
  onChange: (code: string) => void;
  onRun: () => void;
  onSubmit: () => void;
};

/** The editor: the light editor first, Monaco over it once loaded, and the inline draft script. */
export function EditorFrame({
  slug,
  language,
  pythonStarter,
  typesDts,
  frameRef,
  code,
  codeRef,
  usable,
  onChange,
  onRun,
  onSubmit,
}: Props) {
  const { engine, loadMonaco, takeOver, monacoReady } = useEditorHandoff(usable, frameRef, codeRef);

  const onLightKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    // The textarea's text, not the last render's: the key may follow a keystroke at once.
    codeRef.current = event.currentTarget.value;
    if (event.shiftKey) onSubmit();
    else onRun();
  };

  return (
    <>
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
            onChange={onChange}
            onKeyDown={onLightKeyDown}
            onFocus={loadMonaco}
            label={editorLabel(language)}
            language={language}
          />
        ) : null}
        {engine !== "light" ? (
          <div className={styles.monacoLayer}>
            <CodeEditor
              value={code}
              language={language}
              onChange={onChange}
              typesDts={typesDts}
              onRun={onRun}
              onSubmit={onSubmit}
              label={editorLabel(language)}
              takeOver={takeOver}
              onReady={monacoReady}
            />
          </div>
        ) : null}
      </div>
      <script
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed script of this page, no learner input.
        dangerouslySetInnerHTML={{ __html: earlyEditorScript(slug, pythonStarter) }}
        suppressHydrationWarning
      />
    </>
  );
}
