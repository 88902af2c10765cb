import { prisma } from "@/lib/progress/db.server";

export const dynamic = "force-dynamic";

/** Liveness and database check, used by the browser tests' web server wait and by operators. */
export async function GET() {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch (error) {
    return Response.json({ ok: false, error: error instanceof Error ? error.message : String(error) }, { status: 503 });
  }
}
