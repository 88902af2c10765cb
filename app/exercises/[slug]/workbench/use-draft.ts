"use client";

import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from "react";
import { CODE_ID, readDraft, saveDraft, takeEarlyCode } from "./drafts";
import { type Language, readStoredLanguage, storeLanguage } from "./language";

/** Each language's starter. */
export type Starters = Record<Language, string>;

/** Shows a language's task text: the wrapper's data-language (CSS; the page is static, nothing re-renders). */
function showTaskLanguage(frame: HTMLElement | null, language: Language) {
  frame?.closest("[data-language-scope]")?.setAttribute("data-language", language);
}

/**
 * The code in the editor and its language, the code saved as the learner's draft in that language on
 * every change. `codeRef` always holds the latest text, ahead of React's render: Ctrl+Enter pressed
 * right after a keystroke must run the code as typed (Monaco's change events are not React events,
 * so the render can lag). `usable` turns true once the editor holds the draft and React has taken
 * over from the inline script. `chooseLanguage` swaps to the other language's draft (else starter).
 */
export function useDraft(slug: string, starters: Starters, frameRef: RefObject<HTMLDivElement | null>) {
  const [language, setLanguage] = useState<Language>("typescript");
  const [code, setCode] = useState(starters.typescript);
  const [usable, setUsable] = useState(false);
  const codeRef = useRef(code);
  codeRef.current = code;
  const languageRef = useRef(language);
  languageRef.current = language;

  // Before the first paint of a client-side navigation, and right after hydration otherwise: the
  // language is the one chosen in this browser (the inline scripts read the same), and the code is
  // what the learner typed before hydration (earlyEditor), else the saved draft, else the starter.
  useLayoutEffect(() => {
    const textarea = document.getElementById(CODE_ID) as HTMLTextAreaElement | null;
    const early = takeEarlyCode();
    const chosen = early?.language ?? readStoredLanguage() ?? "typescript";
    const saved = readDraft(slug, chosen);
    const next = early?.value ?? saved ?? (chosen === "typescript" ? null : starters[chosen]);
    languageRef.current = chosen;
    setLanguage(chosen);
    showTaskLanguage(frameRef.current, chosen);
    if (next !== null) {
      codeRef.current = next;
      setCode(next);
      if (next !== saved && !(saved === null && next === starters[chosen])) saveDraft(slug, chosen, next);
      // Into the textarea now (React's render writes the same value, so leaves the caret alone).
      if (textarea && textarea.value !== next) textarea.value = next;
      if (textarea && early) textarea.setSelectionRange(early.start, early.end);
    }
    frameRef.current?.removeAttribute("data-plain");
    setUsable(true);
  }, [slug, starters, frameRef]);

  const updateCode = useCallback(
    (next: string) => {
      // The ref first (see above).
      codeRef.current = next;
      setCode(next);
      saveDraft(slug, languageRef.current, next);
    },
    [slug],
  );

  /** Switches the editor to a language: its draft, else its starter, and its task text. */
  const chooseLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      if (next === languageRef.current) return;
      const draft = readDraft(slug, next) ?? starters[next];
      languageRef.current = next;
      codeRef.current = draft;
      setLanguage(next);
      setCode(draft);
      showTaskLanguage(frameRef.current, next);
    },
    [slug, starters, frameRef],
  );

  const reset = useCallback(() => {
    if (window.confirm("Replace your code with the starter? Your current draft will be lost."))
      updateCode(starters[languageRef.current]);
  }, [starters, updateCode]);

  return { code, codeRef, language, languageRef, usable, updateCode, chooseLanguage, reset };
}
