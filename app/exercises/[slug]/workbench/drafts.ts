// The learner's draft of an exercise, one per language, kept in this browser (localStorage), and the
// inline script that puts it into the editor before the first paint. The script and the workbench
// know the storage keys from the one function here (docs/decisions/062-two-stage-editor.md).
import { LANGUAGE_KEY, type Language } from "./language";

/** The id of the light editor's textarea: the inline script and Monaco's take-over find it by this. */
export const CODE_ID = "exercise-code";

/** The TypeScript draft keeps the key it had before there were languages; Python's has a suffix. */
const draftKey = (slug: string, language: Language) =>
  `descent:exercise-draft:${slug}${language === "typescript" ? "" : `:${language}`}`;

/**
 * True on a recall attempt opened from the drill (`?recall=1`): the editor starts from the starter
 * and the learner's saved draft is neither read nor overwritten (the attempt is not kept).
 */
export function isRecallAttempt(): boolean {
  return typeof window !== "undefined" && new URLSearchParams(window.location.search).get("recall") === "1";
}

/** The saved draft in a language, or null (none, no storage: private mode, or a recall attempt). */
export function readDraft(slug: string, language: Language): string | null {
  if (isRecallAttempt()) return null;
  try {
    return localStorage.getItem(draftKey(slug, language));
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, language: Language, code: string): void {
  if (isRecallAttempt()) return;
  try {
    localStorage.setItem(draftKey(slug, language), code);
  } catch {
    // Quota or private mode: the draft just is not kept.
  }
}

/** What the learner had in the textarea before React hydrated it, and in which language (set by earlyEditor). */
export type EarlyCode = { value: string; start: number; end: number; language: Language };
declare global {
  interface Window {
    __descentEarlyCode?: EarlyCode;
  }
}

/** Takes what earlyEditor kept (once: a later mount starts from the draft). */
export function takeEarlyCode(): EarlyCode | undefined {
  const early = window.__descentEarlyCode;
  delete window.__descentEarlyCode;
  return early;
}

/**
 * Runs inline as the page is parsed, before its first paint and before React (it is sent as source
 * text, so it uses nothing from outside). A saved draft goes into the textarea at once, shown as plain
 * text (data-plain hides the highlighted layer, which still holds the starter) until React has
 * highlighted it: the learner never sees the starter turn into the draft. When Python is the chosen
 * language, its draft, else its starter, goes in the same way, and its radio button is checked. Text
 * typed before React has hydrated, and its selection, are kept in window.__descentEarlyCode for the
 * workbench to take.
 */
function earlyEditor(
  id: string,
  keys: { language: string; typescript: string; python: string },
  pythonStarter: string,
) {
  const textarea = document.getElementById(id) as HTMLTextAreaElement | null;
  const frame = textarea?.closest("[data-editor-frame]");
  if (!textarea || !frame) return;
  let language = "typescript";
  const keep = () => {
    frame.setAttribute("data-plain", "");
    window.__descentEarlyCode = {
      value: textarea.value,
      start: textarea.selectionStart,
      end: textarea.selectionEnd,
      language: language === "python" ? "python" : "typescript",
    };
  };
  try {
    if (localStorage.getItem(keys.language) === "python") {
      language = "python";
      const radio = document.querySelector<HTMLInputElement>('input[data-language-choice="python"]');
      if (radio) radio.checked = true;
    }
    // A recall attempt (isRecallAttempt, inlined: this runs as source text) starts from the starter.
    const recall = new URLSearchParams(window.location.search).get("recall") === "1";
    const saved = recall ? null : localStorage.getItem(language === "python" ? keys.python : keys.typescript);
    const draft = saved === null && language === "python" ? pythonStarter : saved;
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

/** The inline script's source for this exercise. */
export function earlyEditorScript(slug: string, pythonStarter: string): string {
  const keys = {
    language: LANGUAGE_KEY,
    typescript: draftKey(slug, "typescript"),
    python: draftKey(slug, "python"),
  };
  // JSON in a script element: "</script" and "<!--" must not appear as such.
  const args = [CODE_ID, keys, pythonStarter].map((v) => JSON.stringify(v).replace(/</g, "\\u003c"));
  return `(${earlyEditor.toString()})(${args.join(", ")})`;
}
