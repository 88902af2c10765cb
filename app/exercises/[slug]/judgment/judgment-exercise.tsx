import type { ReactNode } from "react";
import { MdxContent } from "@/app/components/mdx/mdx-content";
import type { JudgmentView } from "@/lib/judgment/view.server";
import exerciseStyles from "../../exercises.module.css";
import { JUDGMENT_KIND_LABELS } from "../../kind-labels";
import { RecallNotice } from "../recall-notice";
import styles from "./judgment.module.css";

/** An exercise of judgment: the task, then the kind's answer form (`children`) instead of the code editor. */
export function JudgmentExercise({ view, children }: { view: JudgmentView; children: ReactNode }) {
  return (
    <div className={`container ${styles.layout}`}>
      <article className={exerciseStyles.task}>
        <p className="muted">
          <a href="/exercises">Exercises</a> · Exercise {view.order} · {JUDGMENT_KIND_LABELS[view.kind]}
        </p>
        <RecallNotice slug={view.slug} code={false} />
        <MdxContent code={view.taskCode} />
      </article>
      {children}
    </div>
  );
}
