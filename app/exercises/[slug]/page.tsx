import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { unknownKind } from "@/lib/content/exercise-schema";
import { listExerciseSlugs } from "@/lib/content/registry";
import { type ExerciseView, getExerciseView } from "@/lib/exercises/exercise-view.server";
import { getJudgmentView, type JudgmentView } from "@/lib/judgment/view.server";
import { CodeExercise } from "./code-exercise";
import { JudgmentExercise } from "./judgment/judgment-exercise";
import { DiagnoseWorkbench, PredictWorkbench, TuneWorkbench } from "./judgment/judgment-workbenches";

export const dynamic = "force-static";
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

/** The page data of an exercise of any kind: the coded exercise's, or one of judgment. */
type PageView = ({ kind: "code" } & ExerciseView) | JudgmentView;

async function loadView(slug: string): Promise<PageView | null> {
  const judgment = await getJudgmentView(slug);
  if (judgment) return judgment;
  const view = await getExerciseView(slug);
  return view && { kind: "code", ...view };
}

/** One static page per folder of content/exercises; the learner's draft and submissions load in the browser. */
export function generateStaticParams() {
  return listExerciseSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await loadView((await params).slug);
  return view ? { title: `Exercise: ${view.title}`, description: view.summary } : {};
}

/**
 * An exercise: the task on one side, the kind's workbench on the other (the code editor, or the
 * answer form of an exercise of judgment). The one switch on the kind for the page.
 */
export default async function ExercisePage({ params }: Props) {
  const view = await loadView((await params).slug);
  if (!view) notFound();
  switch (view.kind) {
    case "code":
      return <CodeExercise view={view} />;
    case "tune":
      return (
        <JudgmentExercise view={view}>
          <TuneWorkbench slug={view.slug} setup={view.setup} />
        </JudgmentExercise>
      );
    case "diagnose":
      return (
        <JudgmentExercise view={view}>
          <DiagnoseWorkbench slug={view.slug} choices={view.choices} curves={view.curves} />
        </JudgmentExercise>
      );
    case "predict":
      return (
        <JudgmentExercise view={view}>
          <PredictWorkbench slug={view.slug} questions={view.questions} />
        </JudgmentExercise>
      );
    default:
      return unknownKind(view);
  }
}
