import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "@/lib/env.server";
import { resolveDatabaseFile } from "@/lib/env-shared";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: resolveDatabaseFile(env.DATABASE_URL) });
  const client = new PrismaClient({ adapter, log: [{ level: "query", emit: "event" }] });
  client.$on("query", (event) => {
    if (event.duration >= env.SLOW_QUERY_MS) {
      console.warn(`slow query (${event.duration} ms): ${event.query.slice(0, 200)}`);
    }
  });
  return client;
}

// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { descentPrisma?: PrismaClient };

/** The app's one Prisma client. */
export const prisma: PrismaClient = globalForPrisma.descentPrisma ?? createClient();
if (env.NODE_ENV !== "production") globalForPrisma.descentPrisma = prisma;
