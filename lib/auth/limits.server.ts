import "server-only";
import { getLimiters, type Limiters } from "@/lib/http/rate-limit.server";

/**
 * Sign-in and sign-up limits, as points per duration in seconds. "Client" is the network client's
 * address key (lib/http/client.server.ts), which a client cannot reset by dropping cookies.
 */
export const AUTH_LIMITS = {
  signInsPerClient: { points: 10, duration: 60 },
  // Failed sign-ins (lib/auth/sign-in-limits.server.ts takes the point before the password is
  // checked). Per (email, client) pair: a stranger guessing from one address locks out only that
  // pair, never the owner elsewhere. Per email, over all clients: the ceiling on guesses spread
  // over many addresses (then even the right password waits for the window).
  signInFailuresPerEmailAndClient: { points: 5, duration: 15 * 60 },
  signInFailuresPerEmail: { points: 50, duration: 15 * 60 },
  signUpsPerClient: { points: 5, duration: 10 * 60 },
  signUpsPerEmail: { points: 3, duration: 60 * 60 },
  // Mail with a link (password reset, email verification): per client, so one address cannot spray
  // mail at many inboxes; per email, so many addresses cannot flood one inbox. Counted whether or not
  // an account uses the email, so a refusal says nothing about that either.
  resetRequestsPerClient: { points: 3, duration: 10 * 60 },
  resetRequestsPerEmail: { points: 3, duration: 60 * 60 },
  verificationMailsPerClient: { points: 3, duration: 10 * 60 },
  verificationMailsPerEmail: { points: 3, duration: 60 * 60 },
} as const;

export type AuthLimiters = Limiters<typeof AUTH_LIMITS>;

/** The process's sign-in, sign-up and account-mail limiters (shared through Redis when REDIS_URL is set). */
export function getAuthLimiters(): AuthLimiters {
  return getLimiters(AUTH_LIMITS);
}
