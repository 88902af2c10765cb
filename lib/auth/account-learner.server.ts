import "server-only";
import { headers } from "next/headers";
import { prisma } from "@/lib/db/prisma.server";
import { getAuth } from "./auth.server";

/** The signed-in user, or null for a guest. */
export async function getSignedInUser(): Promise<{
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
} | null> {
  // disableRefresh: server components cannot write cookies; the handler refreshes sessions.
  const session = await getAuth().api.getSession({
    headers: await headers(),
    query: { disableRefresh: true },
  });
  if (!session) return null;
  const { id, email, name, emailVerified } = session.user;
  return { id, email, name, emailVerified };
}

/**
 * The learner of the signed-in user, created on first need (sign-up and sign-in create it
 * already; this covers accounts made before that, or a learner deleted meanwhile). Null for guests.
 */
export async function getAccountLearner(): Promise<{ id: string; userId: string; isGuest: false } | null> {
  const user = await getSignedInUser();
  if (!user) return null;
  const learner = await prisma.learner.upsert({
    where: { userId: user.id },
    create: { userId: user.id },
    update: { lastSeenAt: new Date() },
    select: { id: true },
  });
  return { id: learner.id, userId: user.id, isGuest: false };
}
