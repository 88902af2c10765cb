import path from "node:path";
import { z } from "zod";

// The settings that code outside Next also reads (Prisma's config file, the grader scripts run
// with tsx): no "server-only" marker here. lib/env.server.ts parses the app's environment with
// these same schemas.

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

/** The provider of DATABASE_URL (SQLite when unset); throws on a URL of any other kind. */
export function databaseProvider(url: string | undefined = process.env.DATABASE_URL): DatabaseProvider {
  const parsed = DatabaseUrlSchema.safeParse(url);
  if (!parsed.success)
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${url}"`);
  return databaseProviderOf(parsed.data) ?? "sqlite";
}

/** The SQLite file behind a `file:` DATABASE_URL, resolved against the working directory. */
export function resolveDatabaseFile(url: string | undefined): string {
  const parsed = DatabaseUrlSchema.safeParse(url);
  if (!parsed.success || databaseProviderOf(parsed.data) !== "sqlite")
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  return path.resolve(parsed.data.slice("file:".length));
}

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

/** The grader pool's settings; out-of-range values fall back to the defaults. */
export const GraderSettingsSchema = z
  .object({
    /** General grader processes (1-8). */
    GRADER_PROCESSES: intSetting(2, 1, 8),
    /** Reserved "quiet" grader processes (0-2), see lib/grader/pool.ts. */
    GRADER_QUIET_PROCESSES: intSetting(1, 0, 2),
    /** Each grader process's data-segment cap in MB (at least 128). */
    GRADER_DATA_LIMIT_MB: intSetting(GRADER_DATA_LIMIT_MB, 128),
  })
  .transform((raw) => ({
    processes: raw.GRADER_PROCESSES,
    quietProcesses: raw.GRADER_QUIET_PROCESSES,
    dataLimitMb: raw.GRADER_DATA_LIMIT_MB,
  }));

export type GraderSettings = z.infer<typeof GraderSettingsSchema>;

/**
 * The grader pool's settings, read when called (not once): the pool re-reads them whenever it
 * starts its processes, so tests and benchmarks can change them between runs.
 */
export function readGraderSettings(env: Record<string, string | undefined> = process.env): GraderSettings {
  return GraderSettingsSchema.parse(env);
}

/** PostgreSQL connections per process (PG_POOL_MAX, 1-1000; default 10). */
export function readPgPoolMax(env: Record<string, string | undefined> = process.env): number {
  return intSetting(10, 1, 1000).parse(env.PG_POOL_MAX);
}
