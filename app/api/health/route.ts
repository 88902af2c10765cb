import { databaseProvider } from "@/lib/env-shared";
import { graderHealth } from "@/lib/grader/index.server";
import { prisma } from "@/lib/progress/db.server";

export const dynamic = "force-dynamic";

async function databaseHealth(): Promise<{ ok: boolean; provider: string; error?: string }> {
  const provider = databaseProvider();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return { ok: true, provider };
  } catch (error) {
    return { ok: false, provider, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Liveness for load balancers, the browser tests' server wait and operators: the database, and
 * where grading runs: the in-process pool, or the queue with its depth and live workers. 503
 * when the database or the queue cannot be reached; zero live workers is reported but is not
 * this server's failure (submissions wait until a worker starts).
 */
export async function GET() {
  const [database, grader] = await Promise.all([databaseHealth(), graderHealth()]);
  const ok = database.ok && grader.ok;
  return Response.json(
    { ok, database, grader },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
