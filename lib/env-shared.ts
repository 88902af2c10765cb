import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "./trusted-proxies";

// Descent's configuration: every environment variable the app reads, with its default, in one
// schema (VARIABLES), read only here. README.md's "Configuration" table lists exactly these
// (tests/config/configuration.test.ts compares the two and looks for reads elsewhere).
//
// No "server-only" marker: code outside Next reads its part too (Prisma's config file, the grader
// processes, the worker and the other scripts). The web server's part (origin, proxies, secret) is
// read through lib/env.server.ts, which is server-only.
//
// Each part is parsed when first asked for and again only when one of its variables has changed,
// so a test or a benchmark that sets GRADER_PROCESSES between two pool starts is heard.

/** The SQLite database used when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/descent.db";

/** The database engines Descent runs on: embedded SQLite (the default) or a PostgreSQL server. */
export type DatabaseProvider = "sqlite" | "postgresql";

/** The provider a DATABASE_URL names, or null for anything else. */
export function databaseProviderOf(url: string): DatabaseProvider | null {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  return null;
}

/** DATABASE_URL: a SQLite `file:` URL or a `postgresql://` URL. */
export const DatabaseUrlSchema = z
  .string()
  .refine((url) => databaseProviderOf(url) !== null, {
    message: 'DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL',
  })
  .default(DEFAULT_DATABASE_URL);

/**
 * OS-level cap on each grader process's data segment (RLIMIT_DATA: heap, anonymous writable
 * mappings, V8 pages once committed), in MB. A child that reaches it dies and its job answers
 * "memory-limit". Measured: an idle child uses ~60 MB of it, grading a correct solution ~90 MB,
 * the 64 MB isolate limit adds at most ~150 MB before the isolate is stopped.
 */
export const GRADER_DATA_LIMIT_MB = 320;

/** An integer setting in [min, max]; anything else (unset, empty, not a number) is the default. */
const intSetting = (fallback: number, min: number, max = Number.POSITIVE_INFINITY) =>
  z.coerce.number().int().min(min).max(max).catch(fallback);

/** REDIS_URL: a `redis://` or `rediss://` URL; empty or unset means no queue. */
const RedisUrlSchema = z
  .string()
  .trim()
  .refine((url) => url === "" || /^rediss?:\/\//.test(url), {
    message: 'REDIS_URL must be a "redis://" or "rediss://" URL',
  })
  .optional();

/** Every variable Descent reads. Documented in README.md, "Configuration" (same names, same defaults). */
const VARIABLES = {
  // --- the web server (read through lib/env.server.ts) ---
  /** Set by Next and the npm scripts: "production" under `npm start` / `npm run serve`. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Port of `npm start` (scripts/server.mjs) and of the default APP_ORIGIN. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Public origin of the app (scheme, host, port): same-origin checks and auth compare against it. */
  APP_ORIGIN: z
    .string()
    .url()
    .transform((value) => new URL(value).origin)
    .optional(),
  /**
   * Proxies whose X-Forwarded-For is believed: comma-separated IPs or CIDRs (e.g.
   * "10.0.0.0/8, ::1"). Empty (the default): the peer address is the client.
   */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((value, context) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  /** Secret for signing auth sessions; see lib/auth/secret.server.ts for what is used without it. */
  AUTH_SECRET: z.string().min(32).optional(),
  /**
   * The mail server for password reset and email verification: "smtp://user:pass@host:587" or
   * "smtps://…:465". Unset: no mail is sent; pages say so, and the development server logs the message.
   */
  SMTP_URL: z
    .string()
    .trim()
    .refine((url) => url === "" || /^smtps?:\/\//.test(url), {
      message: 'SMTP_URL must be a "smtp://" or "smtps://" URL',
    })
    .optional()
    .transform((url) => url || undefined),
  /** The sender of Descent's mail: an address, or "Name <address>". */
  MAIL_FROM: z.string().trim().min(3).default("Descent <no-reply@localhost>"),
  /** Queries slower than this (ms) are logged with their first 200 characters. */
  SLOW_QUERY_MS: z.coerce.number().int().positive().default(200),

  // --- the database (also Prisma's config file and the scripts) ---
  DATABASE_URL: DatabaseUrlSchema,
  /** PostgreSQL connections per process (1-1000). */
  PG_POOL_MAX: intSetting(10, 1, 1000),

  // --- the grader processes (the in-process pool, or a worker's) ---
  /** General grader processes (1-8). */
  GRADER_PROCESSES: intSetting(2, 1, 8),
  /** Reserved "quiet" grader processes (0-2) of the in-process pool, see lib/grader/README.md. */
  GRADER_QUIET_PROCESSES: intSetting(1, 0, 2),
  /** Each grader process's data-segment cap in MB (at least 128). */
  GRADER_DATA_LIMIT_MB: intSetting(GRADER_DATA_LIMIT_MB, 128),

  // --- the grading queue (web servers and workers) ---
  REDIS_URL: RedisUrlSchema,
  /** The most jobs waiting in the whole queue (below it, the policy's waitingLimit of the live workers). */
  GRADER_QUEUE_MAX_WAITING: intSetting(200, 1),
  /** How long a web server waits for a job's result before answering "busy" (ms). */
  GRADER_QUEUE_WAIT_MS: intSetting(120_000, 1_000),
  /** A worker's health port on 127.0.0.1 (0: any free port; unset: none). */
  GRADER_WORKER_PORT: z.coerce.number().int().min(0).max(65_535).optional().catch(undefined),

  // --- content ---
  /** The content folder, relative to the working directory; tests point it at a temporary course. */
  CONTENT_DIR: z
    .string()
    .optional()
    .transform((value) => value?.trim() || "content"),
};

type Variables = typeof VARIABLES;
export type VariableName = keyof Variables;

/** Every variable of the configuration, validated together (for documentation and checks). */
export const ConfigSchema = z.object(VARIABLES);

/** The names of every variable Descent reads. */
export const CONFIG_VARIABLES = Object.keys(VARIABLES) as VariableName[];

/** Where the values come from: the process's environment, or a test's object. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

type Part<K extends VariableName> = z.output<z.ZodObject<Pick<Variables, K>>>;

/** The names each part of the app reads (every variable belongs to at least one). */
export const CONFIG_PARTS = {
  server: [
    "NODE_ENV",
    "PORT",
    "APP_ORIGIN",
    "TRUST_PROXY",
    "AUTH_SECRET",
    "SMTP_URL",
    "MAIL_FROM",
    "SLOW_QUERY_MS",
    "DATABASE_URL",
  ],
  database: ["DATABASE_URL", "PG_POOL_MAX"],
  grader: ["GRADER_PROCESSES", "GRADER_QUIET_PROCESSES", "GRADER_DATA_LIMIT_MB"],
  queue: ["REDIS_URL", "GRADER_QUEUE_MAX_WAITING", "GRADER_QUEUE_WAIT_MS", "GRADER_WORKER_PORT"],
  content: ["CONTENT_DIR"],
} as const satisfies Record<string, readonly VariableName[]>;

/**
 * A reader of some variables: parses them from `source` (process.env by default), again only when
 * one of their values differs from the last call's. Throws one error naming every bad variable.
 */
function partReader<const K extends VariableName>(names: readonly K[]): (source?: EnvSource) => Part<K> {
  const shape = Object.fromEntries(names.map((name) => [name, VARIABLES[name]])) as Pick<Variables, K>;
  const schema = z.object(shape);
  let last: { key: string; value: Part<K> } | undefined;
  return (source = process.env) => {
    const raw = names.map((name) => source[name]);
    const key = JSON.stringify(raw);
    if (last?.key === key) return last.value;
    const parsed = schema.safeParse(Object.fromEntries(names.map((name, index) => [name, raw[index]])));
    if (!parsed.success) throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
    last = { key, value: parsed.data as Part<K> };
    return last.value;
  };
}

const readServerPart = partReader(CONFIG_PARTS.server);
const readDatabasePart = partReader(CONFIG_PARTS.database);
const readGraderPart = partReader(CONFIG_PARTS.grader);
const readQueuePart = partReader(CONFIG_PARTS.queue);
const readContentPart = partReader(CONFIG_PARTS.content);

// --- the web server ---

/** The web server's settings. */
export type ServerSettings = Omit<Part<(typeof CONFIG_PARTS.server)[number]>, "APP_ORIGIN"> & {
  /** The public origin: APP_ORIGIN, or http://localhost:PORT. */
  APP_ORIGIN: string;
};

/**
 * The web server's settings. Server code reads them as `env` from lib/env.server.ts (server-only,
 * read once when first imported); only that module calls this.
 */
export function readServerSettings(source: EnvSource = process.env): ServerSettings {
  const part = readServerPart(source);
  return { ...part, APP_ORIGIN: part.APP_ORIGIN ?? `http://localhost:${part.PORT}` };
}

// --- the database ---

/** The provider of DATABASE_URL (SQLite when unset); throws on a URL of any other kind. */
export function databaseProvider(
  url: string | undefined = readDatabasePart().DATABASE_URL,
): DatabaseProvider {
  const parsed = DatabaseUrlSchema.safeParse(url);
  if (!parsed.success)
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${url}"`);
  return databaseProviderOf(parsed.data) ?? "sqlite";
}

/** DATABASE_URL, or the default SQLite file when it is unset. */
export function readDatabaseUrl(source: EnvSource = process.env): string {
  return readDatabasePart(source).DATABASE_URL;
}

/** The SQLite file behind a `file:` DATABASE_URL, resolved against the working directory. */
export function resolveDatabaseFile(url: string | undefined): string {
  const parsed = DatabaseUrlSchema.safeParse(url);
  if (!parsed.success || databaseProviderOf(parsed.data) !== "sqlite")
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  return path.resolve(parsed.data.slice("file:".length));
}

/** PostgreSQL connections per process (PG_POOL_MAX, 1-1000; default 10). */
export function readPgPoolMax(source: EnvSource = process.env): number {
  return readDatabasePart(source).PG_POOL_MAX;
}

// --- the grader processes ---

/** The grader pool's settings; out-of-range values fall back to the defaults. */
export type GraderSettings = { processes: number; quietProcesses: number; dataLimitMb: number };

/**
 * The grader pool's settings. The pool asks whenever it starts its processes, so tests and
 * benchmarks can change them between runs (and a worker sets GRADER_QUIET_PROCESSES to 0).
 */
export function readGraderSettings(source: EnvSource = process.env): GraderSettings {
  const part = readGraderPart(source);
  return {
    processes: part.GRADER_PROCESSES,
    quietProcesses: part.GRADER_QUIET_PROCESSES,
    dataLimitMb: part.GRADER_DATA_LIMIT_MB,
  };
}

// --- the grading queue ---

/** The grading queue's settings. With REDIS_URL unset, grading stays in the server's own pool. */
export type QueueSettings = {
  redisUrl: string | null;
  maxWaiting: number;
  waitMs: number;
  workerPort: number | null;
};

/** The queue's settings; throws when REDIS_URL is set to something that is not a Redis URL. */
export function readQueueSettings(source: EnvSource = process.env): QueueSettings {
  const part = readQueuePart(source);
  return {
    redisUrl: part.REDIS_URL ? part.REDIS_URL : null,
    maxWaiting: part.GRADER_QUEUE_MAX_WAITING,
    waitMs: part.GRADER_QUEUE_WAIT_MS,
    workerPort: part.GRADER_WORKER_PORT ?? null,
  };
}

// --- content ---

/** The content folder as configured (CONTENT_DIR, default "content"), not yet resolved. */
export function readContentDir(source: EnvSource = process.env): string {
  return readContentPart(source).CONTENT_DIR;
}
