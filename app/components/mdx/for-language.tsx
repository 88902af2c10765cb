import type { ReactNode } from "react";

/** The languages a coded exercise can be solved in. */
export const TASK_LANGUAGES = ["typescript", "python"] as const;
export type TaskLanguage = (typeof TASK_LANGUAGES)[number];

/**
 * Text of an exercise's task that holds for one language only (its signature, its array types):
 * `<ForLanguage language="python">…</ForLanguage>` in task.mdx. Shows its children when `language` is
 * the one the page shows (`shown`). The course's components map shows TypeScript; a page that knows
 * the learner's language binds its own, as it binds WorkedFirstStep:
 * `ForLanguage: (props) => <ForLanguage {...props} shown={language} />`.
 */
export function ForLanguage({
  language,
  shown = "typescript",
  children,
}: {
  language: TaskLanguage;
  shown?: TaskLanguage;
  children?: ReactNode;
}) {
  return language === shown ? children : null;
}
