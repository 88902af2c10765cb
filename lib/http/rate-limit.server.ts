import "server-only";
import { remember } from "@epic-web/remember";
import type { Redis } from "ioredis";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter, getLimitRedis, isRefusal, type LimitSpec, tooManyRequests } from "./limiter.server";

// Named rate limits for the features that define them: sign-in and sign-up in
// lib/auth/limits.server.ts, guest creation in lib/auth/learner.server.ts, submissions in
// lib/grader/submission-limits.server.ts. This module holds no limit of its own.

/** A feature's limits by name, each as points per duration in seconds. */
export type Limits = Readonly<Record<string, LimitSpec>>;

/** The limiters of a set of limits, by the same names. */
export type Limiters<L extends Limits> = { readonly [N in keyof L]: RateLimiterAbstract };

/**
 * Limiters for `limits`. Without a Redis client they are in memory, for one server process; with
 * one (REDIS_URL) every web server counts in the same Redis keys, and while Redis cannot be reached
 * each server falls back to its own in-memory count (rate-limiter-flexible's insurance limiter)
 * rather than refusing or letting everything through.
 */
export function createLimiters<L extends Limits>(limits: L, redis: Redis | null = null): Limiters<L> {
  const limiters: Partial<Record<keyof L, RateLimiterAbstract>> = {};
  for (const [name, spec] of Object.entries(limits) as Array<[keyof L & string, LimitSpec]>)
    limiters[name] = createLimiter(name, spec, redis);
  return limiters as Limiters<L>;
}

/** The process's limiters for `limits` (shared through Redis when REDIS_URL is set), kept across hot reloads. */
export function getLimiters<L extends Limits>(limits: L): Limiters<L> {
  return remember(`descent.limiters:${Object.keys(limits).join(",")}`, () =>
    createLimiters(limits, getLimitRedis()),
  );
}

/** Takes one point for `key` from the named limit; throws TooManyRequestsError (429, Retry-After) when none is left. */
export async function takePoint<L extends Limits>(
  name: keyof L,
  key: string,
  message: string,
  limiters: Limiters<L>,
): Promise<void> {
  try {
    await limiters[name].consume(key);
  } catch (error) {
    if (isRefusal(error)) throw tooManyRequests(message, error.msBeforeNext);
    throw error;
  }
}

/** Throws TooManyRequestsError if the named limit has no point left for `key`, without taking one. */
export async function assertPointLeft<L extends Limits>(
  name: keyof L,
  key: string,
  message: string,
  limiters: Limiters<L>,
): Promise<void> {
  const state = await limiters[name].get(key);
  if (state && state.remainingPoints <= 0) throw tooManyRequests(message, state.msBeforeNext);
}
