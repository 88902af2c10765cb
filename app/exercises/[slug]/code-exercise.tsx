import { MdxContent } from "@/app/components/mdx/mdx-content";
import type { ExerciseView } from "@/lib/exercises/exercise-view.server";
import styles from "../exercises.module.css";
import { ExerciseWorkbench } from "./exercise-workbench";
import { WorkedFirstStep } from "./worked-first-step";

/** A coded exercise: the task on one side, the editor and the feedback on the other. */
export function CodeExercise({ view }: { view: ExerciseView }) {
  const firstTest = view.visibleTests[0];
  const components = {
    // biome-ignore lint/correctness/noComponentHookFactories: a stateless server component bound to this exercise's data.
    WorkedFirstStep: () => <WorkedFirstStep test={firstTest} />,
  };
  return (
    <div className={`container ${styles.layout}`}>
      <article className={styles.task}>
        <p className="muted">
          <a href="/exercises">Exercises</a> · Exercise {view.order}
        </p>
        {/* The lessons' MDX path (components map, KaTeX styles) plus the step bound to this exercise. */}
        <MdxContent code={view.taskCode} components={components} />
      </article>
      <ExerciseWorkbench
        slug={view.slug}
        starter={view.starter}
        typesDts={view.typesDts}
        visibleTests={view.visibleTests}
      />
    </div>
  );
}
