import "server-only";
import { remember } from "@epic-web/remember";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { env } from "@/lib/env.server";

function createClient(): Database {
  return createPrismaClient(env.DATABASE_URL, {
    onQuery: (event) => {
      if (event.duration >= env.SLOW_QUERY_MS) {
        console.warn(`slow query (${event.duration} ms): ${event.query.slice(0, 200)}`);
      }
    },
  });
}

/** The app's one Prisma client, one per process (kept across hot reloads in development). */
export const prisma: Database = remember("descent.prisma", createClient);
