"use client";

import { type RefObject, useCallback, useEffect, useState } from "react";
import type { Handoff } from "@/app/components/editor/code-editor";
import { CODE_ID } from "./drafts";

/** How long Monaco waits for an idle moment after the page is usable before it loads anyway. */
const MONACO_IDLE_TIMEOUT_MS = 1500;

/**
 * The hand-off from the light editor to Monaco (docs/decisions/062-two-stage-editor.md). `engine`
 * is "light" (the textarea editor), "loading" (Monaco is being built, hidden) or "monaco" (Monaco has
 * the text). Monaco comes when the browser is idle once the page is usable, or at once when the
 * learner puts the caret in the code (`loadMonaco`).
 */
export function useEditorHandoff(
  usable: boolean,
  frameRef: RefObject<HTMLDivElement | null>,
  codeRef: RefObject<string>,
) {
  const [engine, setEngine] = useState<"light" | "loading" | "monaco">("light");

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
  }, [frameRef, codeRef]);

  // Same task as takeOver: the frame shows Monaco (CSS on data-engine) before any other event runs.
  const monacoReady = useCallback(() => {
    frameRef.current?.setAttribute("data-engine", "monaco");
    setEngine("monaco");
  }, [frameRef]);

  return { engine, loadMonaco, takeOver, monacoReady };
}
