import type { ComponentType } from "react";
import type { FigureName } from "./figure-names";
import {
  MinibatchNoise,
  MomentumConvergence,
  MovingAverageExplorer,
  Playground,
  SchedulePlotter,
  WeightDecayComparison,
} from "./index";

/** The figures as the server renders their first frame (see FigureIsland). */
// biome-ignore lint/suspicious/noExplicitAny: keyed by name, each entry takes that figure's props.
export const SERVER_FIGURES: Record<FigureName, ComponentType<any>> = {
  Playground,
  MovingAverageExplorer,
  SchedulePlotter,
  WeightDecayComparison,
  MomentumConvergence,
  MinibatchNoise,
};
