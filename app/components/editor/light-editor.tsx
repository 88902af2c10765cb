"use client";

import { type KeyboardEvent, type ReactNode, useMemo, useState } from "react";
import SimpleEditor from "react-simple-code-editor";
import { highlightPython } from "./highlight-python";
import { highlightTypeScript, type Token } from "./highlight-typescript";
import styles from "./light-editor.module.css";

/** Props of LightEditor. */
export type LightEditorProps = {
  /** The textarea's id: the draft script and Monaco's take-over find it by this. */
  id: string;
  value: string;
  onChange: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  onFocus?: () => void;
  label: string;
  /** The code's language, for its colours (TypeScript unless told). */
  language?: "typescript" | "python";
};

/**
 * The exercise's first editor: a plain <textarea> over the same code highlighted (react-simple-code-
 * editor: Tab indents, Shift+Tab outdents, its own undo, Escape or Ctrl+M then Tab leaves), server-
 * rendered and usable with the page's first JavaScript. It has Monaco's font, line height, gutter and
 * colours, so that Monaco can take over the same text, selection and scroll position without moving it.
 */
export function LightEditor({
  id,
  value,
  onChange,
  onKeyDown,
  onFocus,
  label,
  language = "typescript",
}: LightEditorProps) {
  const lineCount = useMemo(() => value.split("\n").length, [value]);
  // As in Monaco: Tab indents, but Tab right after Escape moves the focus on (so does Ctrl+M, the
  // library's toggle). Escape alone no longer blurs the textarea, which would lose the Tab order.
  const [tabLeaves, setTabLeaves] = useState(false);
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      setTabLeaves(true);
      return;
    }
    if (event.key !== "Tab" && event.key !== "Shift") setTabLeaves(false);
    onKeyDown?.(event);
  };
  return (
    <div className={styles.scroller} data-light-editor="">
      <div className={styles.row}>
        <span className={styles.gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, n) => n + 1).join("\n")}
        </span>
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <SimpleEditor
          className={styles.editor}
          textareaId={id}
          textareaClassName={styles.textarea}
          preClassName={styles.highlight}
          value={value}
          onValueChange={onChange}
          highlight={language === "python" ? highlightPythonCode : highlightTypeScriptCode}
          // The library types this for its container and its textarea at once; it calls it for the textarea.
          onKeyDown={handleKeyDown as (event: KeyboardEvent<HTMLElement>) => void}
          onFocus={() => {
            setTabLeaves(false);
            onFocus?.();
          }}
          ignoreTabKey={tabLeaves}
          tabSize={language === "python" ? 4 : 2}
          insertSpaces
        />
      </div>
    </div>
  );
}

const highlightTypeScriptCode = (code: string) => render(highlightTypeScript(code));
const highlightPythonCode = (code: string) => render(highlightPython(code));

/** Coloured tokens, with a final newline so the layer is as tall as the textarea's text. */
function render(lines: Token[][]): ReactNode {
  return (
    <>
      {lines.map((tokens, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of the text as it is now.
        <span key={n}>
          {n > 0 ? "\n" : null}
          {tokens.map((token, k) =>
            token.kind === "plain" ? (
              token.text
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: tokens of the line as it is now.
              <span key={k} className={styles[token.kind]}>
                {token.text}
              </span>
            ),
          )}
        </span>
      ))}
      {"\n"}
    </>
  );
}
