import "server-only";

export { MAX_WAITING } from "./pool";
export { MAX_CODE_BYTES } from "./result";
export {
  GradingAbortedError,
  gradeSubmission,
  isLearnerGrading,
  LearnerBusyError,
  queuePosition,
} from "./pool";
export type { GradeResult } from "./result";
