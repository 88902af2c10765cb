/** Interactive lesson figures; client components for the MDX components map. */
export { MinibatchNoise } from "./minibatch-noise";
export { MomentumConvergence } from "./momentum-convergence";
export { MovingAverageExplorer } from "./moving-average-explorer";
export { Playground, type PlaygroundProps } from "./playground";
export { SchedulePlotter } from "./schedule-plotter";
export { WeightDecayComparison } from "./weight-decay-comparison";
