import "server-only";
import { remember } from "@epic-web/remember";
import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { createRedis } from "../queue/redis";
import { readQueueSettings } from "../queue/settings";
import { TooManyRequestsError } from "./errors";

/**
 * Every limit, as points per duration in seconds. "Learner" is a stored learner's id (or a
 * signed-in account's), "client" the network client's address key (lib/http/client.server.ts),
 * neither of which a client can reset by dropping cookies.
 */
export const LIMITS = {
  submissionsPerLearner: { points: 6, duration: 60 },
  // Room for a few learners behind one NAT (a classroom), not for a flood.
  submissionsPerClient: { points: 20, duration: 60 },
  guestsPerClient: { points: 6, duration: 60 },
  guestsPerClientPerDay: { points: 100, duration: 86_400 },
  signInsPerClient: { points: 10, duration: 60 },
  // Only failed sign-ins count, so that no one can lock a learner out by knowing the email alone for long.
  signInFailuresPerEmail: { points: 5, duration: 15 * 60 },
  signUpsPerClient: { points: 5, duration: 10 * 60 },
  signUpsPerEmail: { points: 3, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;
type Limiters = Record<LimitName, RateLimiterAbstract>;

/**
 * The limiters. Without a Redis client they are in memory, for one server process; with one
 * (REDIS_URL, the grading queue's Redis) every web server counts in the same Redis keys, and
 * while Redis cannot be reached each server falls back to its own in-memory count
 * (rate-limiter-flexible's insurance limiter) rather than refusing or letting everything through.
 */
export function createLimiters(redis: Redis | null = null): Limiters {
  const limiters = {} as Limiters;
  for (const name of Object.keys(LIMITS) as LimitName[]) {
    const memory = new RateLimiterMemory({ keyPrefix: name, ...LIMITS[name] });
    limiters[name] =
      redis === null
        ? memory
        : new RateLimiterRedis({
            storeClient: redis,
            keyPrefix: `descent:limit:${name}`,
            ...LIMITS[name],
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          });
  }
  return limiters;
}

/** The process's limiters (shared through Redis when REDIS_URL is set), kept across hot reloads. */
export function getLimiters(): Limiters {
  return remember("descent.limiters", () => {
    const { redisUrl } = readQueueSettings();
    if (redisUrl === null) return createLimiters();
    // Fail fast while Redis is away (the insurance limiter answers) instead of queueing commands.
    const redis = createRedis(redisUrl, "descent-web-limits", { enableOfflineQueue: false });
    redis.on("error", () => {});
    return createLimiters(redis);
  });
}

/** Takes one point for `key` from the named limit; throws TooManyRequestsError (429, Retry-After) when none is left. */
export async function takePoint(
  name: LimitName,
  key: string,
  message: string,
  limiters = getLimiters(),
): Promise<void> {
  try {
    await limiters[name].consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(message, error.msBeforeNext);
    throw error;
  }
}

/** Throws TooManyRequestsError if the named limit has no point left for `key`, without taking one. */
export async function assertPointLeft(
  name: LimitName,
  key: string,
  message: string,
  limiters = getLimiters(),
): Promise<void> {
  const state = await limiters[name].get(key);
  if (state && state.remainingPoints <= 0) throw tooMany(message, state.msBeforeNext);
}

function tooMany(message: string, msBeforeNext: number): TooManyRequestsError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new TooManyRequestsError(`${message} Try again in ${seconds} s.`, seconds);
}
