// The learner's language for coded exercises, in the browser: kept in localStorage as the instant
// first guess (read by the inline scripts before the first paint), and on the server (Learner.language,
// /api/me/language) so that it follows the learner to another browser.
import type { TaskLanguage } from "@/app/components/mdx/for-language";

export type { TaskLanguage as Language } from "@/app/components/mdx/for-language";

/** localStorage's key for the chosen language (the inline scripts read it as a literal). */
export const LANGUAGE_KEY = "descent:exercise-language";

/** Each language's name as the page says it. */
export const LANGUAGE_NAMES: Record<TaskLanguage, string> = { typescript: "TypeScript", python: "Python" };

/** The language chosen in this browser, or null (never chosen, or no storage). */
export function readStoredLanguage(): TaskLanguage | null {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return value === "typescript" || value === "python" ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: TaskLanguage): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode: the server still remembers it.
  }
}

/** The language the learner chose on the server (GET /api/me/language); null when none or unreachable. */
export async function fetchServerLanguage(): Promise<TaskLanguage | null> {
  try {
    const response = await fetch("/api/me/language", { cache: "no-store" });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    const language = typeof body === "object" && body !== null && "language" in body ? body.language : null;
    return language === "typescript" || language === "python" ? language : null;
  } catch {
    return null;
  }
}

/** Remembers the choice on the server (PUT /api/me/language); a failure keeps it in this browser only. */
export async function saveServerLanguage(language: TaskLanguage): Promise<void> {
  try {
    const response = await fetch("/api/me/language", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ language }),
    });
    // Read to the end: an unread body keeps the request open in the browser.
    await response.arrayBuffer();
  } catch {
    // Offline: localStorage has it.
  }
}

/**
 * Runs inline as the page is parsed, first thing inside the exercise's wrapper: shows the chosen
 * language's task text (data-language on the wrapper, read by CSS) before the first paint. Uses
 * nothing from outside (it is sent as source text).
 */
function earlyLanguage(key: string) {
  const scope = document.currentScript?.parentElement;
  try {
    const language = localStorage.getItem(key);
    if (scope && (language === "typescript" || language === "python"))
      scope.setAttribute("data-language", language);
  } catch {
    // No storage: TypeScript, as rendered.
  }
}

/** The inline script's source. */
export function earlyLanguageScript(): string {
  return `(${earlyLanguage.toString()})(${JSON.stringify(LANGUAGE_KEY)})`;
}
