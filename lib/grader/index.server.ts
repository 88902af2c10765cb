import "server-only";

export {
  GradingAbortedError,
  gradeSubmission,
  isLearnerGrading,
  LearnerBusyError,
  queuePosition,
  ticketPosition,
} from "./pool";
