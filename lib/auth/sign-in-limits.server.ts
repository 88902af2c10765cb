import "server-only";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { isRefusal, tooManyRequests } from "@/lib/http/limiter.server";
import { type AuthLimiters, getAuthLimiters } from "./limits.server";

const TOO_MANY = "Too many attempts.";

/** A sign-in attempt holding one failure point of each failure limit until its answer is known. */
export type SignInAttempt = {
  /** Keeps the points for a wrong password (401); gives them back for any other answer. */
  settle(status: number): Promise<void>;
};

/**
 * Takes the attempt's failure points (AUTH_LIMITS: per email and client, then per email) before
 * the password is checked, so that parallel attempts cannot all pass a check made before any of
 * them is recorded: the sixth of ten simultaneous wrong passwords from one client is refused, not
 * checked. Throws TooManyRequestsError (429, Retry-After) when either has no point left; a pair
 * already locked out takes nothing from the email's ceiling.
 */
export async function holdSignInAttempt(
  email: string,
  client: string,
  limiters: AuthLimiters = getAuthLimiters(),
): Promise<SignInAttempt> {
  const { signInFailuresPerEmailAndClient: perPair, signInFailuresPerEmail: perEmail } = limiters;
  // The client key (an address or a /64) has no space; the email comes last, as typed.
  const pair = `${client} ${email}`;
  await take(perPair, pair);
  try {
    await take(perEmail, email);
  } catch (error) {
    await perPair.reward(pair, 1).catch(() => {});
    throw error;
  }
  return {
    async settle(status) {
      if (status === 401) return;
      const signedIn = status >= 200 && status < 300;
      await Promise.all([
        // Signed in: this client's earlier failures for the email are forgiven; the email's
        // ceiling only gets this attempt back (guesses from elsewhere still count).
        signedIn ? perPair.delete(pair) : perPair.reward(pair, 1),
        perEmail.reward(email, 1),
      ]).catch(() => {});
    },
  };
}

async function take(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    throw isRefusal(error) ? tooManyRequests(TOO_MANY, error.msBeforeNext) : error;
  }
}
