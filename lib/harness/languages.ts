/** Languages a coded exercise can be solved in; every harness is generated for each. */
export const LANGUAGES = ["typescript", "python"] as const;

/** A submission's language. */
export type Language = (typeof LANGUAGES)[number];

/** Whether a value names a language (request bodies, stored rows). */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
