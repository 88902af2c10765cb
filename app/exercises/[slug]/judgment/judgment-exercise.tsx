import { MdxContent } from "@/app/components/mdx/mdx-content";
import type { JudgmentView } from "@/lib/judgment/view.server";
import exerciseStyles from "../../exercises.module.css";
import styles from "./judgment.module.css";
import { DiagnoseWorkbench, PredictWorkbench, TuneWorkbench } from "./judgment-workbenches";

const KIND_LABELS = { tune: "Tuning", diagnose: "Diagnosis", predict: "Prediction" } as const;

/** An exercise of judgment: the task, then the kind's answer form instead of the code editor. */
export function JudgmentExercise({ view }: { view: JudgmentView }) {
  return (
    <div className={`container ${styles.layout}`}>
      <article className={exerciseStyles.task}>
        <p className="muted">
          <a href="/exercises">Exercises</a> · Exercise {view.order} · {KIND_LABELS[view.kind]}
        </p>
        <MdxContent code={view.taskCode} />
      </article>
      {view.kind === "tune" ? <TuneWorkbench slug={view.slug} setup={view.setup} /> : null}
      {view.kind === "diagnose" ? (
        <DiagnoseWorkbench slug={view.slug} choices={view.choices} curves={view.curves} />
      ) : null}
      {view.kind === "predict" ? <PredictWorkbench slug={view.slug} questions={view.questions} /> : null}
    </div>
  );
}
