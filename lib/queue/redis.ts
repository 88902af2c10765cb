import { Redis, type RedisOptions } from "ioredis";

/**
 * An ioredis connection for BullMQ and the rate limiters: retries forever with a capped backoff
 * (a restarted Redis is reached again without manual action) and never fails a command for
 * want of retries (BullMQ requires `maxRetriesPerRequest: null` for workers).
 */
export function createRedis(url: string, name: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(50 * times, 1_000),
    ...options,
  });
}
