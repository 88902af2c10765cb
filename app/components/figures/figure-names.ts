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
}

/** A lesson figure's name. */
export type FigureName = keyof FigureProps;
