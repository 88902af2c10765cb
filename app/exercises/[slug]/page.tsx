import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MdxContent } from "@/app/components/mdx/mdx-content";
import { listExerciseSlugs } from "@/lib/content/registry";
import { getExerciseView } from "@/lib/exercises/exercise-view.server";
import { getJudgmentView } from "@/lib/judgment/view.server";
import styles from "../exercises.module.css";
import { ExerciseWorkbench } from "./exercise-workbench";
import { JudgmentExercise } from "./judgment/judgment-exercise";
import { WorkedFirstStep } from "./worked-first-step";

export const dynamic = "force-static";
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

/** One static page per folder of content/exercises; the learner's draft and submissions load in the browser. */
export function generateStaticParams() {
  return listExerciseSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const view = (await getJudgmentView(slug)) ?? (await getExerciseView(slug));
  return view ? { title: `Exercise: ${view.title}`, description: view.summary } : {};
}

/** An exercise: the task on one side, the editor and the feedback on the other. */
export default async function ExercisePage({ params }: Props) {
  const { slug } = await params;
  // Tune, diagnose and predict exercises have their own answer form instead of the editor.
  const judgment = await getJudgmentView(slug);
  if (judgment) return <JudgmentExercise view={judgment} />;
  const view = await getExerciseView(slug);
  if (!view) notFound();
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
