/** A running throwaway Redis server (scripts/redis.mjs). */
export interface RedisHandle {
  /** redis://127.0.0.1:<port> (no password, loopback only). */
  readonly url: string;
  readonly port: number;
  /** The data directory (append-only file), deleted by stop(). */
  readonly dir: string;
  /** Stops the server (SIGTERM: it finishes writing its data), waits `downMs`, starts it again on the same port and data. */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Whether the server process is running. */
  running(): boolean;
  /** Shuts the server down and deletes its directory. */
  stop(): Promise<void>;
}

/** redis-server's path (REDIS_SERVER, PATH), installing Debian's redis-server package when root and missing. */
export declare function findRedisServer(log?: (line: string) => void): string;
/** Starts redis-server on 127.0.0.1 (a free port unless given) with a temporary data directory. */
export declare function startRedis(options?: {
  port?: number;
  log?: (line: string) => void;
}): Promise<RedisHandle>;
