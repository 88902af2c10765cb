import "server-only";
import { compileMdx } from "@/lib/content/compile-mdx.server";
import { unknownKind } from "@/lib/content/exercise-schema";
import type { JudgmentConfig } from "@/lib/content/judgment-schema";
import { isExerciseSlug, readExerciseFile } from "@/lib/content/registry";
import { loadJudgmentConfig } from "./config";
import { type CurveSeries, computeCurve, describeCurve } from "./curves";
import type { TuneSetup } from "./tune";
import { describeTolerance } from "./values";

/** A curve as the page shows it: the core's losses and a text alternative, never the cause. */
export type CurveView = {
  id: string;
  title: string;
  yLog: boolean;
  series: CurveSeries[];
  description: string;
};

/** What the page of an exercise of judgment needs; answers, explanations and hints stay on the server. */
export type JudgmentView = {
  slug: string;
  title: string;
  summary: string;
  order: number;
  /** The compiled task.mdx. */
  taskCode: string;
} & (
  | { kind: "tune"; setup: TuneSetup }
  | { kind: "diagnose"; choices: Array<{ id: string; label: string }>; curves: CurveView[] }
  | { kind: "predict"; questions: Array<{ id: string; prompt: string; tolerance: string }> }
);

/** What a judgment exercise shows for its kind (curves, questions, tuning set-up), never its answers. */
export function toKindView(config: JudgmentConfig) {
  switch (config.kind) {
    case "tune": {
      const { optimizer, objective, x0, steps, target, params, torchHparams, fixedTorchHparams } = config;
      return {
        kind: "tune" as const,
        setup: { optimizer, objective, x0, steps, target, params, torchHparams, fixedTorchHparams },
      };
    }
    case "diagnose":
      return {
        kind: "diagnose" as const,
        choices: config.choices.map(({ id, label }) => ({ id, label })),
        curves: config.curves.map((curve) => {
          const series = computeCurve(curve.run);
          return {
            id: curve.id,
            title: curve.title,
            yLog: curve.yLog,
            series,
            description: describeCurve(series),
          };
        }),
      };
    case "predict":
      return {
        kind: "predict" as const,
        questions: config.questions.map((q) => ({
          id: q.id,
          prompt: q.prompt,
          tolerance: describeTolerance(q.tolerance),
        })),
      };
    default:
      return unknownKind(config);
  }
}

/**
 * The page data of an exercise of judgment, or null for a coded exercise. The curves run the core
 * here, when the static page is built.
 */
export async function getJudgmentView(slug: string): Promise<JudgmentView | null> {
  const config = await loadJudgmentConfig(slug);
  if (!config || !isExerciseSlug(slug)) return null;
  const taskMdx = await readExerciseFile(slug, "task.mdx");
  const { code } = await compileMdx(taskMdx, { label: `content/exercises/${slug}/task.mdx` });
  return {
    slug,
    title: config.title,
    summary: config.summary,
    order: config.order,
    taskCode: code,
    ...toKindView(config),
  };
}
