import "server-only";
import { remember } from "@epic-web/remember";
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

/** The app's one Prisma client, one per process (kept across hot reloads in development). */
export const prisma: PrismaClient = remember("descent.prisma", createClient);
