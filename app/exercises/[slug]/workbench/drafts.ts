// The learner's draft of an exercise, kept in this browser (localStorage), and the inline script
// that puts it into the editor before the first paint. The script and the workbench know the
// storage key from the one function here (docs/decisions/062-two-stage-editor.md).

/** The id of the light editor's textarea: the inline script and Monaco's take-over find it by this. */
export const CODE_ID = "exercise-code";

const draftKey = (slug: string) => `descent:exercise-draft:${slug}`;

/** The saved draft, or null (none, or no storage: private mode). */
export function readDraft(slug: string): string | null {
  try {
    return localStorage.getItem(draftKey(slug));
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, code: string): void {
  try {
    localStorage.setItem(draftKey(slug), code);
  } catch {
    // Quota or private mode: the draft just is not kept.
  }
}

/** What the learner had in the textarea before React hydrated it (set by earlyEditor). */
export type EarlyCode = { value: string; start: number; end: number };
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

/** The inline script's source for this exercise. */
export function earlyEditorScript(slug: string): string {
  return `(${earlyEditor.toString()})(${JSON.stringify(CODE_ID)}, ${JSON.stringify(draftKey(slug))})`;
}
