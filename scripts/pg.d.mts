/** A running throwaway PostgreSQL server (scripts/pg.mjs). */
export interface PostgresHandle {
  /** postgresql://postgres@127.0.0.1:<port>/<database> (trust auth on loopback, no password). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  readonly dataDir: string;
  /** The URL of another database on this server, without creating it. */
  urlFor(name: string): string;
  /** Creates an empty database (name: lowercase letters, digits, underscores) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Drops a database, closing its connections first. */
  dropDatabase(name: string): Promise<void>;
  /** Shuts the server down and deletes its data directory; safe to call twice. */
  stop(): Promise<void>;
}

/** The directory holding initdb and postgres (PG_BIN, /usr/lib/postgresql/N/bin, pg_config, PATH), or null. */
export declare function findPostgresBin(): string | null;
/** A TCP port on 127.0.0.1 that was free a moment ago. */
export declare function freePort(): Promise<number>;
/**
 * Installs PostgreSQL when missing (apt-get as root or with password-less sudo), initdb's a
 * temporary data directory, starts the server on 127.0.0.1 and creates `database` (default "descent").
 */
export declare function startPostgres(options?: {
  database?: string;
  port?: number;
  /** Extra server settings by postgresql.conf name, passed as `-c name=value`. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}): Promise<PostgresHandle>;
