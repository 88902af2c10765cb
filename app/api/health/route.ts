import { getDatabaseHealth } from "@/lib/db/health.server";
import { graderHealth } from "@/lib/grading/index.server";
import { handle } from "@/lib/http/route.server";
import { pythonOfWorkers } from "@/lib/queue/capacity";
import { getPythonSandboxStatus } from "@/lib/sandbox/python";

export const dynamic = "force-dynamic";

function pythonOfThisProcess() {
  const status = getPythonSandboxStatus();
  return status.available ? { available: true } : { available: false, reason: status.reason };
}

/**
 * Liveness for load balancers, the browser tests' server wait and operators: the database, and
 * where grading runs: the in-process pool, or the queue with its depth and live workers. 503
 * when the database or the queue cannot be reached; zero live workers is reported but is not
 * this server's failure (submissions wait until a worker starts).
 */
export const GET = handle(async () => {
  const [database, grader] = await Promise.all([getDatabaseHealth(), graderHealth()]);
  const ok = database.ok && grader.ok;
  // Whether Python can be graded: by this process's own sandbox when it grades in-process; with
  // the queue, by the live workers (each one's own answer is in grader.workerList). Not a
  // failure: TypeScript still grades.
  const python = grader.mode === "queue" ? pythonOfWorkers(grader.workerList) : pythonOfThisProcess();
  return Response.json(
    { ok, database, grader, python },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
