import "server-only";

export { MAX_WAITING } from "./pool";
export { MAX_CODE_BYTES } from "./result";
export { gradeSubmission } from "./pool";
export type { GradeResult } from "./result";
