import "server-only";
import { cookies, headers } from "next/headers";
import { getAccountLearner } from "./account-learner.server";
import { env } from "@/lib/env.server";
import { getClientKey } from "@/lib/http/client.server";
import { HttpError } from "@/lib/http/errors";
import { takePoint } from "@/lib/http/rate-limit.server";
import { prisma } from "@/lib/progress/db.server";
import { createGuestToken, GUEST_COOKIE, GUEST_TOKEN_PATTERN, guestCookieOptions } from "@/lib/progress/guest-cookie";

/**
 * The learner behind the current request. `stored: false` is a visitor with nothing stored yet:
 * its id matches no row, so reads answer empty progress; writes go through getOrCreateLearner.
 */
export type CurrentLearner = { id: string; userId: string | null; isGuest: boolean; stored: boolean };

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
  await takePoint("guestsPerClient", client, message);
  await takePoint("guestsPerClientPerDay", client, message);
  const token = createGuestToken();
  const learner = await prisma.learner.create({ data: { guestToken: token }, select: { id: true } });
  (await cookies()).set(GUEST_COOKIE, token, guestCookieOptions(env.NODE_ENV === "production"));
  return { id: learner.id, userId: null, isGuest: true, stored: true };
}

/** A stored learner, or a 401-style error for route handlers (nothing stored yet to act on). */
export async function requireLearner(): Promise<CurrentLearner> {
  const learner = await getCurrentLearner();
  if (!learner.stored) throw new LearnerRequiredError();
  return learner;
}

/** Thrown when a request has no stored learner to act on: route handlers answer 401. */
export class LearnerRequiredError extends HttpError {
  constructor() {
    super(401, "Nothing is stored for this browser yet (or cookies are off for this site).");
  }
}
