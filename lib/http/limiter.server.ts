import "server-only";
import { remember } from "@epic-web/remember";
import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { readQueueSettings } from "../env-shared";
import { createRedis } from "../redis/client";
import { TooManyRequestsError } from "./errors";

/** A limit: points per duration in seconds. */
export type LimitSpec = { readonly points: number; readonly duration: number };

/**
 * One limiter: in memory without a Redis client; with one, counted in Redis (shared by every web
 * server) and falling back to this process's memory while Redis cannot be reached.
 */
export function createLimiter(name: string, spec: LimitSpec, redis: Redis | null): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix: name, ...spec });
  if (redis === null) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `descent:limit:${name}`,
    ...spec,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/** The Redis connection of every limiter when REDIS_URL is set (else null), one per process. */
export function getLimitRedis(): Redis | null {
  return remember("descent.limit-redis", () => {
    const { redisUrl } = readQueueSettings();
    if (redisUrl === null) return null;
    // Fail fast while Redis is away (the insurance limiter answers) instead of queueing commands.
    return createRedis(redisUrl, "descent-web-limits", { enableOfflineQueue: false });
  });
}

/** A 429 with Retry-After from a limiter's refusal. */
export function tooManyRequests(message: string, msBeforeNext: number): TooManyRequestsError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new TooManyRequestsError(`${message} Try again in ${seconds} s.`, seconds);
}

/** Whether a limiter's rejection is a refusal (no point left), not a store failure. */
export function isRefusal(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}
