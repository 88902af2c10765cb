// Entry of the grader child process (forked by pool.ts with --no-node-snapshot): grades one
// submission per message. An isolate that exhausts V8 memory can take this process down; the
// parent then answers "memory-limit" and forks a fresh one.
import { Socket } from "node:net";
import { gradeInProcess } from "./grade-core";
import { encodeResultFrame, type ResultFrame } from "./result-pipe";
import { type GradeJobInput, toJobInput } from "./transport";

type Job = GradeJobInput & { id: number };

// fd 4: the framed answer pipe the parent reads with a byte cap (result-pipe.ts).
const answers = new Socket({ fd: 4, readable: false, writable: true });
const answer = (frame: ResultFrame) => answers.write(encodeResultFrame(frame));

process.on("message", (message: Job) => {
  // Acknowledge first: the parent blames a submission for this process dying only after this.
  process.send?.({ id: message.id, received: true });
  gradeInProcess(toJobInput(message)).then(
    (result) => answer({ id: message.id, result }),
    (error: unknown) =>
      answer({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
