import "server-only";
import { cookies, headers } from "next/headers";
import { getAccountLearner } from "./account-learner.server";
import { env } from "@/lib/env.server";
import { getClientKey } from "@/lib/http/client.server";
import { DomainError } from "@/lib/domain-error";
import { getLimiters, takePoint } from "@/lib/http/rate-limit.server";
import { prisma } from "@/lib/db/prisma.server";
import { createGuestToken, GUEST_COOKIE, GUEST_TOKEN_PATTERN, guestCookieOptions } from "@/lib/progress/guest-cookie";

/**
 * The learner behind the current request. `stored: false` is a visitor with nothing stored yet:
 * its id matches no row, so reads answer empty progress; writes go through getOrCreateLearner.
 */
export type CurrentLearner = { id: string; userId: string | null; isGuest: boolean; stored: boolean };

/**
 * New guest learners per network client (its address key, lib/http/client.server.ts, which a client
 * cannot reset by dropping cookies), as points per duration in seconds.
 */
export const GUEST_LIMITS = {
  guestsPerClient: { points: 6, duration: 60 },
  guestsPerClientPerDay: { points: 100, duration: 86_400 },
} as const;

/** A visitor without a stored learner (no guest cookie yet, or one that names no learner). */
export const UNSTORED_LEARNER: CurrentLearner = Object.freeze({
  id: "",
  userId: null,
  isGuest: true,
  stored: false,
});

/**
 * The current learner, for reading: the signed-in user's (it takes precedence over the guest
 * cookie), else the guest behind the cookie, else UNSTORED_LEARNER. Never creates a guest: a page
 * view or a GET costs no row.
 */
export async function getCurrentLearner(): Promise<CurrentLearner> {
  const fromAccount = await getAccountLearner();
  if (fromAccount) return { ...fromAccount, stored: true };
  const token = (await cookies()).get(GUEST_COOKIE)?.value;
  if (!token || !GUEST_TOKEN_PATTERN.test(token)) return UNSTORED_LEARNER;
  const learner = await prisma.learner.findUnique({
    where: { guestToken: token },
    select: { id: true, userId: true },
  });
  if (!learner) return UNSTORED_LEARNER;
  return { id: learner.id, userId: learner.userId, isGuest: learner.userId === null, stored: true };
}

/**
 * The current learner, for storing something: creates a guest on the first write, limited per
 * network client (429 with Retry-After), with a fresh server-made token in the guest cookie. A
 * token the client made up is never adopted.
 */
export async function getOrCreateLearner(): Promise<CurrentLearner> {
  const current = await getCurrentLearner();
  if (current.stored) {
    await prisma.learner.update({ where: { id: current.id }, data: { lastSeenAt: new Date() } });
    return current;
  }
  const client = getClientKey(await headers());
  const message = "Too many new guest learners from your network.";
  const limiters = getLimiters(GUEST_LIMITS);
  await takePoint("guestsPerClient", client, message, limiters);
  await takePoint("guestsPerClientPerDay", client, message, limiters);
  const token = createGuestToken();
  const learner = await prisma.learner.create({ data: { guestToken: token }, select: { id: true } });
  (await cookies()).set(GUEST_COOKIE, token, guestCookieOptions(env.NODE_ENV === "production"));
  return { id: learner.id, userId: null, isGuest: true, stored: true };
}

/** A stored learner, or LearnerRequiredError (nothing stored yet to act on). */
export async function requireLearner(): Promise<CurrentLearner> {
  const learner = await getCurrentLearner();
  if (!learner.stored) throw new LearnerRequiredError();
  return learner;
}

/** Thrown when a request has no stored learner to act on. */
export class LearnerRequiredError extends DomainError {
  constructor() {
    super("unidentified", "Nothing is stored for this browser yet (or cookies are off for this site).");
  }
}
