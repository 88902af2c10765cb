// The PostgreSQL driver adapter, shared by the app's client (lib/db/client.ts) and the Prisma CLI
// (prisma.config.ts). No "server-only" marker: prisma.config.ts and test helpers import it too.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { readPgPoolMax } from "../env-shared";

/** PostgreSQL's catalog-only string types, `"char"` (18) and `name` (19), and `text` (25). */
const CATALOG_STRING_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type Fields = { fields?: Array<{ dataTypeID: number }> };

/** Reports `"char"` and `name` columns as `text`: their values are plain strings either way. */
function namesAsText<T>(result: T): T {
  for (const field of (result as Fields | undefined)?.fields ?? []) {
    if (CATALOG_STRING_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/** Pool clients whose query method already reports catalog strings as text. */
const wrapped = new WeakSet<pg.PoolClient>();

/**
 * A pg pool whose results never report the `name` or `"char"` types. @prisma/adapter-pg 6.19 maps
 * every column type it reads to one of Prisma's and throws "Column type 'name' could not be
 * deserialized" on those two, which the schema engine's own catalog queries return: `prisma
 * migrate deploy` fails on every PostgreSQL database (prisma/prisma#27403, open). Their values
 * are strings, so reporting them as `text` is exact. Only promise-style queries (the adapter's
 * kind) are touched.
 */
class NamesAsTextPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads cannot be forwarded with their types
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const result = (super.query as (...a: any[]) => any)(...args);
    return result instanceof Promise ? result.then(namesAsText) : result;
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads cannot be forwarded with their types
  override connect(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const connected = (super.connect as (...a: any[]) => any)(...args);
    if (!(connected instanceof Promise)) return connected;
    return connected.then((client: pg.PoolClient) => {
      // Pooled clients come back on later checkouts: wrap each once.
      if (wrapped.has(client)) return client;
      wrapped.add(client);
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      // biome-ignore lint/suspicious/noExplicitAny: as above
      (client as any).query = (...a: unknown[]) => {
        const result = query(...a);
        return result instanceof Promise ? result.then(namesAsText) : result;
      };
      return client;
    });
  }
}

/**
 * Every session runs in UTC. Prisma's DateTime columns are `timestamp(3)` without a time zone, which
 * store what they are given; the only server-side clock, `DEFAULT CURRENT_TIMESTAMP`, writes the
 * session's local time there. With the server's TimeZone anything but UTC, rows written by SQL
 * defaults would read back hours off. (The URL's own `options` parameter, if any, wins.)
 */
function poolConfig(url: string, max: number): pg.PoolConfig {
  const hasOptions = new URL(url).searchParams.has("options");
  return {
    connectionString: url,
    max,
    allowExitOnIdle: true,
    ...(hasOptions ? {} : { options: "-c TimeZone=UTC" }),
  };
}

/** Runs one statement on a short-lived connection (database creation cannot run in a pool's transaction). */
async function runStatement(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The adapter factory. Its shadow database (used by `prisma migrate diff --from-migrations`) is
 * also served through NamesAsTextPool: the stock factory opens a plain pool there.
 */
class PostgresAdapterFactory extends PrismaPg {
  constructor(
    private readonly url: string,
    max: number,
  ) {
    super(new NamesAsTextPool(poolConfig(url, max)), { disposeExternalPool: true });
  }

  override async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "_")}`;
    await runStatement(this.url, `CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${database}`;
    const shadow = await new PrismaPg(new NamesAsTextPool(poolConfig(shadowUrl.toString(), 2)), {
      disposeExternalPool: true,
    }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await runStatement(this.url, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return shadow;
  }
}

/** The adapter for a postgresql:// URL; at most `max` pooled connections (PG_POOL_MAX, default 10). */
export function createPostgresAdapter(url: string, options: { max?: number } = {}): PrismaPg {
  const max = options.max ?? readPgPoolMax();
  return new PostgresAdapterFactory(url, max);
}
