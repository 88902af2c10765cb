import "server-only";
import { databaseProvider } from "@/lib/env-shared";
import { prisma } from "./prisma.server";

/** Whether the app's database answers a trivial query, and which engine it is (for /api/health). */
export async function getDatabaseHealth(): Promise<{ ok: boolean; provider: string; error?: string }> {
  const provider = databaseProvider();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return { ok: true, provider };
  } catch (error) {
    return { ok: false, provider, error: error instanceof Error ? error.message : String(error) };
  }
}
