// Server-only: grades Python submissions in bubblewrap. See docs/decisions/073-python-in-bubblewrap.md.
export { getPythonAvailability, type PythonAvailability } from "./availability.mjs";
export { writePayload } from "./payload";
export {
  getPythonSandboxStatus,
  type PythonLoadResult,
  type PythonMistake,
  type PythonRunOutcome,
  PythonSandboxUnavailableError,
  type PythonSubmissionInput,
  type PythonSubmissionResult,
  runPythonSubmission,
} from "./runner";
export { PYTHON_MISTAKE_IDS, type PythonMistakeId } from "./verdict";
