import "server-only";

export { MAX_WAITING } from "./pool";
export { MAX_CODE_BYTES } from "./result";
export {
  GradingAbortedError,
  gradeSubmission,
  isLearnerGrading,
  LearnerBusyError,
  queuePosition,
  ticketPosition,
} from "./pool";
export type { GradeResult } from "./result";
