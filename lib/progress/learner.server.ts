import "server-only";
import { cookies } from "next/headers";
import { getAccountLearner } from "@/lib/auth/account-learner.server";
import { prisma } from "./db.server";
import { GUEST_COOKIE, GUEST_TOKEN_PATTERN } from "./guest-cookie";

/** The learner behind the current request. */
export type CurrentLearner = { id: string; userId: string | null; isGuest: boolean };

/**
 * Finds the signed-in account's learner, which takes precedence over the guest cookie. Defaults
 * to the auth module's getAccountLearner; replaceable (tests).
 */
type AccountResolver = () => Promise<CurrentLearner | null>;
let accountResolver: AccountResolver = getAccountLearner;

/** Replaces how the signed-in user's learner is found (tests). */
export function setAccountResolver(resolver: AccountResolver): void {
  accountResolver = resolver;
}

/**
 * The current learner: the signed-in user's, else the guest behind the cookie, created on first
 * use. Returns null only when the request carries no valid guest cookie (the proxy sets one on
 * every page and API request, so this means a client that refuses cookies).
 */
export async function getCurrentLearner(): Promise<CurrentLearner | null> {
  const fromAccount = await accountResolver();
  if (fromAccount) return fromAccount;
  const token = (await cookies()).get(GUEST_COOKIE)?.value;
  if (!token || !GUEST_TOKEN_PATTERN.test(token)) return null;
  const learner = await prisma.learner.upsert({
    where: { guestToken: token },
    create: { guestToken: token },
    update: { lastSeenAt: new Date() },
    select: { id: true, userId: true },
  });
  return { id: learner.id, userId: learner.userId, isGuest: learner.userId === null };
}

/** Like getCurrentLearner, but throws a 401-style error for route handlers to turn into a response. */
export async function requireLearner(): Promise<CurrentLearner> {
  const learner = await getCurrentLearner();
  if (!learner) throw new LearnerRequiredError();
  return learner;
}

/** Thrown when a request has no learner (cookies refused). */
export class LearnerRequiredError extends Error {
  constructor() {
    super("This needs a learner cookie: please enable cookies for this site.");
  }
}
