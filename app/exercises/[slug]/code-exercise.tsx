import { ForLanguage } from "@/app/components/mdx/for-language";
import { MdxContent } from "@/app/components/mdx/mdx-content";
import type { ExerciseView } from "@/lib/exercises/exercise-view.server";
import styles from "../exercises.module.css";
import { ExerciseWorkbench } from "./exercise-workbench";
import languageStyles from "./language.module.css";
import { RecallNotice } from "./recall-notice";
import { earlyLanguageScript } from "./workbench/language";
import { WorkedFirstStep } from "./worked-first-step";

/** Every language's task text, each in its own block; the page's data-language shows one. */
const ForEveryLanguage = (props: Parameters<typeof ForLanguage>[0]) => <ForLanguage {...props} shown="all" />;

/**
 * A coded exercise: the task on one side, the editor and the feedback on the other. The page is
 * static: the task text of both languages is rendered, and the wrapper's data-language (TypeScript
 * as rendered; the learner's choice set by an inline script before the first paint, then by the
 * workbench) shows one (language.module.css).
 */
export function CodeExercise({ view }: { view: ExerciseView }) {
  const firstTest = view.visibleTests[0];
  const components = {
    // biome-ignore lint/correctness/noComponentHookFactories: a stateless server component bound to this exercise's data.
    WorkedFirstStep: () => <WorkedFirstStep test={firstTest} />,
    ForLanguage: ForEveryLanguage,
  };
  return (
    <div
      className={`container ${styles.layout} ${languageStyles.scope}`}
      data-language-scope=""
      data-language="typescript"
      // The inline script below may set the learner's language before React hydrates.
      suppressHydrationWarning
    >
      <script
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed script of this page, no learner input.
        dangerouslySetInnerHTML={{ __html: earlyLanguageScript() }}
      />
      <article className={styles.task}>
        <p className="muted">
          <a href="/exercises">Exercises</a> · Exercise {view.order}
        </p>
        <RecallNotice slug={view.slug} code />
        {/* The lessons' MDX path (components map, KaTeX styles) plus the step bound to this exercise. */}
        <MdxContent code={view.taskCode} components={components} />
      </article>
      <ExerciseWorkbench
        slug={view.slug}
        starter={view.starter}
        pythonStarter={view.pythonStarter}
        typesDts={view.typesDts}
        visibleTests={view.visibleTests}
        afterPass={view.afterPass}
      />
    </div>
  );
}
