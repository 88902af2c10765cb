import { FigureIsland } from "@/app/components/figures/figure-island";
import type { FigureProps } from "@/app/components/figures/figure-names";
import { ForLanguage } from "./for-language";
import { CodeBlock, H2, H3, MarkdownTable, Note, Question, Recap, Warning } from "./teaching";
import { WorkedExample, WorkedValue } from "./worked-example";

/** Every component a lesson may use without importing it. Figures load when the reader nears them. */
export const mdxComponents = {
  h2: H2,
  h3: H3,
  pre: CodeBlock,
  table: MarkdownTable,
  Note,
  Warning,
  Recap,
  Question,
  WorkedExample,
  WorkedValue,
  // Task text for one language; TypeScript unless the page binds the learner's (see for-language.tsx).
  ForLanguage,
  Playground: (props: FigureProps["Playground"]) => <FigureIsland name="Playground" props={props} />,
  MovingAverageExplorer: (props: FigureProps["MovingAverageExplorer"]) => (
    <FigureIsland name="MovingAverageExplorer" props={props} />
  ),
  SchedulePlotter: (props: FigureProps["SchedulePlotter"]) => (
    <FigureIsland name="SchedulePlotter" props={props} />
  ),
  WeightDecayComparison: (props: FigureProps["WeightDecayComparison"]) => (
    <FigureIsland name="WeightDecayComparison" props={props} />
  ),
  MomentumConvergence: (props: FigureProps["MomentumConvergence"]) => (
    <FigureIsland name="MomentumConvergence" props={props} />
  ),
  MinibatchNoise: (props: FigureProps["MinibatchNoise"]) => (
    <FigureIsland name="MinibatchNoise" props={props} />
  ),
};
