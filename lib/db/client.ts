// Prisma clients for either database engine. DATABASE_URL picks it: `file:` is SQLite through
// better-sqlite3, `postgresql://` is PostgreSQL through pg. Both generated clients come from the
// same models (prisma/schema.prisma, derived into prisma/postgresql/schema.prisma), so the app
// types every client as the SQLite one (docs/decisions/066-postgresql-through-prisma.md). No
// "server-only" marker: test helpers and scripts build clients too.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { type DatabaseProvider, databaseProvider, resolveDatabaseFile } from "@/lib/env-shared";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgresql/client";
import { createPostgresAdapter } from "./postgres-adapter";

/** The app's Prisma client type (the two generated clients have the same models and methods). */
export type Database = SqliteClient;

const providers = new WeakMap<object, DatabaseProvider>();

/** The engine behind a client made here (SQLite for any other). */
export function providerOf(client: object): DatabaseProvider {
  return providers.get(client) ?? "sqlite";
}

/**
 * A Prisma client for `url`. `onQuery` receives every query with its duration (for slow-query
 * logs); `poolSize` caps PostgreSQL connections per client (default PG_POOL_MAX or 10).
 */
export function createPrismaClient(
  url: string,
  options: { onQuery?: (event: Prisma.QueryEvent) => void; poolSize?: number } = {},
): Database {
  const provider = databaseProvider(url);
  const log = options.onQuery ? [{ level: "query" as const, emit: "event" as const }] : [];
  let client: SqliteClient<"query">;
  if (provider === "postgresql") {
    const adapter = createPostgresAdapter(url, { max: options.poolSize });
    // Same models and methods, generated for the other provider: the types match member for member.
    client = new PostgresClient({ adapter, log }) as unknown as SqliteClient<"query">;
  } else {
    client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: resolveDatabaseFile(url) }), log });
  }
  if (options.onQuery) client.$on("query", options.onQuery);
  providers.set(client, provider);
  return client;
}
