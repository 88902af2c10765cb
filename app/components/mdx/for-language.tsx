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
 *
 * `shown="all"` renders every language's text, each in a `<div data-for-language="…">`: the statically
 * rendered exercise page shows one of them by a `data-language` attribute on a wrapper, which the
 * learner's choice changes in the browser (CSS, so nothing is rendered again).
 */
export function ForLanguage({
  language,
  shown = "typescript",
  children,
}: {
  language: TaskLanguage;
  shown?: TaskLanguage | "all";
  children?: ReactNode;
}) {
  if (shown === "all") return <div data-for-language={language}>{children}</div>;
  return language === shown ? children : null;
}
