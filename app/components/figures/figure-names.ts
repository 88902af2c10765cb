import type { MinibatchNoiseProps } from "./minibatch-noise";
import type { MomentumConvergenceProps } from "./momentum-convergence";
import type { MovingAverageExplorerProps } from "./moving-average-explorer";
import type { PlaygroundProps } from "./playground";
import type { SchedulePlotterProps } from "./schedule-plotter";
import type { WeightDecayComparisonProps } from "./weight-decay-comparison";

/** Props of each lesson figure, by the name lessons use in MDX. */
export interface FigureProps {
  Playground: PlaygroundProps;
  MovingAverageExplorer: MovingAverageExplorerProps;
  SchedulePlotter: SchedulePlotterProps;
  WeightDecayComparison: WeightDecayComparisonProps;
  MomentumConvergence: MomentumConvergenceProps;
  MinibatchNoise: MinibatchNoiseProps;
}

/** A lesson figure's name. */
export type FigureName = keyof FigureProps;
