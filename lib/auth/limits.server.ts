import "server-only";
import { getLimiters, type Limiters } from "@/lib/http/rate-limit.server";

/**
 * Sign-in and sign-up limits, as points per duration in seconds. "Client" is the network client's
 * address key (lib/http/client.server.ts), which a client cannot reset by dropping cookies.
 */
export const AUTH_LIMITS = {
  signInsPerClient: { points: 10, duration: 60 },
  // Only failed sign-ins count, so that no one can lock a learner out by knowing the email alone for long.
  signInFailuresPerEmail: { points: 5, duration: 15 * 60 },
  signUpsPerClient: { points: 5, duration: 10 * 60 },
  signUpsPerEmail: { points: 3, duration: 60 * 60 },
} as const;

export type AuthLimiters = Limiters<typeof AUTH_LIMITS>;

/** The process's sign-in and sign-up limiters (shared through Redis when REDIS_URL is set). */
export function getAuthLimiters(): AuthLimiters {
  return getLimiters(AUTH_LIMITS);
}
