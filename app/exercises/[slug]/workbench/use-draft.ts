"use client";

import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from "react";
import { CODE_ID, readDraft, saveDraft, takeEarlyCode } from "./drafts";

/**
 * The code in the editor, saved as the learner's draft on every change. `codeRef` always holds the
 * latest text, ahead of React's render: Ctrl+Enter pressed right after a keystroke must run the code
 * as typed (Monaco's change events are not React events, so the render can lag). `usable` turns true
 * once the editor holds the draft and React has taken over from the inline script.
 */
export function useDraft(slug: string, starter: string, frameRef: RefObject<HTMLDivElement | null>) {
  const [code, setCode] = useState(starter);
  const [usable, setUsable] = useState(false);
  const codeRef = useRef(code);
  codeRef.current = code;

  // Before the first paint of a client-side navigation, and right after hydration otherwise: the code
  // is what the learner typed before hydration (earlyEditor), else the saved draft, else the starter.
  useLayoutEffect(() => {
    const textarea = document.getElementById(CODE_ID) as HTMLTextAreaElement | null;
    const early = takeEarlyCode();
    const saved = readDraft(slug);
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
  }, [slug, frameRef]);

  const updateCode = useCallback(
    (next: string) => {
      // The ref first (see above).
      codeRef.current = next;
      setCode(next);
      saveDraft(slug, next);
    },
    [slug],
  );

  const reset = useCallback(() => {
    if (window.confirm("Replace your code with the starter? Your current draft will be lost."))
      updateCode(starter);
  }, [starter, updateCode]);

  return { code, codeRef, usable, updateCode, reset };
}
