import { Redis, type RedisOptions } from "ioredis";

// Redis connections, shared by the grading queue (lib/queue) and the rate limiters (lib/http), so
// that neither imports the other for one.

/**
 * An ioredis connection for BullMQ and the rate limiters: retries forever with a capped backoff
 * (a restarted Redis is reached again without manual action) and never fails a command for
 * want of retries (BullMQ requires `maxRetriesPerRequest: null` for workers). Connection errors
 * are not thrown as unhandled events: ioredis keeps reconnecting, and /api/health and the
 * workers' health report the state.
 */
export function createRedis(url: string, name: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(50 * times, 1_000),
    ...options,
  });
  redis.on("error", () => {});
  return redis;
}
