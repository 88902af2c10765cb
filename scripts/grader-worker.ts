// `npm run grader:worker`: a grader worker taking jobs from the queue at REDIS_URL (see
// docs/deploy.md). GRADER_PROCESSES jobs at a time; GRADER_WORKER_PORT serves its health as JSON.
// SIGTERM/SIGINT: finishes the jobs it holds, then exits.
import { startGraderWorker } from "../lib/queue/worker";

const worker = await startGraderWorker();
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
