import {
  MovingAverageExplorer,
  Playground,
  SchedulePlotter,
  WeightDecayComparison,
} from "@/app/components/figures";
import { H2, H3, Note, Question, Recap, Warning } from "./teaching";
import { WorkedExample, WorkedValue } from "./worked-example";

/** Every component a lesson may use without importing it. */
export const mdxComponents = {
  h2: H2,
  h3: H3,
  Note,
  Warning,
  Recap,
  Question,
  WorkedExample,
  WorkedValue,
  Playground,
  MovingAverageExplorer,
  SchedulePlotter,
  WeightDecayComparison,
};
