// Entry of the grader child process (forked by pool.ts with --no-node-snapshot): grades one
// submission per message. An isolate that exhausts V8 memory can take this process down; the
// parent then answers "memory-limit" and forks a fresh one.
import { gradeInProcess } from "./grade-core";
import { type GradeJobInput, toJobInput } from "./transport";

type Job = GradeJobInput & { id: number };

process.on("message", (message: Job) => {
  // Acknowledge first: the parent blames a submission for this process dying only after this.
  process.send?.({ id: message.id, received: true });
  gradeInProcess(toJobInput(message)).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) =>
      process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
