import { getDatabaseHealth } from "@/lib/db/health.server";
import { graderHealth } from "@/lib/grading/index.server";
import { handle } from "@/lib/http/route.server";
import { getPythonSandboxStatus } from "@/lib/sandbox/python";

export const dynamic = "force-dynamic";

/**
 * Liveness for load balancers, the browser tests' server wait and operators: the database, and
 * where grading runs: the in-process pool, or the queue with its depth and live workers. 503
 * when the database or the queue cannot be reached; zero live workers is reported but is not
 * this server's failure (submissions wait until a worker starts).
 */
export const GET = handle(async () => {
  const [database, grader] = await Promise.all([getDatabaseHealth(), graderHealth()]);
  const ok = database.ok && grader.ok;
  // Whether this process can run Python's sandbox (it grades in-process; with the queue, each
  // worker reports its own on GRADER_WORKER_PORT). Not a failure: TypeScript still grades.
  const status = getPythonSandboxStatus();
  const python = status.available ? { available: true } : { available: false, reason: status.reason };
  return Response.json(
    { ok, database, grader, python },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
