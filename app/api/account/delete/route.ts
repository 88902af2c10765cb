import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/env.server";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { prisma } from "@/lib/db/prisma.server";
import { deleteLearnerData } from "@/lib/progress/export.server";
import { GUEST_COOKIE } from "@/lib/progress/guest-cookie";
import { requireLearner } from "@/lib/auth/learner.server";

export const dynamic = "force-dynamic";

/** The phrase the learner types to confirm; deleting cannot be undone. */
const DeleteRequest = z.object({
  confirm: z.literal("delete my data", { error: 'Type "delete my data" to confirm.' }),
});

// better-auth's session cookies, plain and (production) __Secure- prefixed.
const SESSION_COOKIES = [
  "better-auth.session_token",
  "better-auth.session_data",
  "better-auth.dont_remember",
];

/**
 * Deletes the current learner, its account if any, and all its progress, and answers what went (counts
 * by kind); the browser becomes a fresh guest.
 */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  await readJson(request, DeleteRequest, 1024);
  const learner = await requireLearner();
  const deleted = await deleteLearnerData(prisma, learner);
  const jar = await cookies();
  const secure = env.NODE_ENV === "production";
  for (const name of [
    GUEST_COOKIE,
    ...SESSION_COOKIES,
    ...SESSION_COOKIES.map((cookie) => `__Secure-${cookie}`),
  ]) {
    if (jar.has(name))
      jar.set(name, "", {
        path: "/",
        maxAge: 0,
        httpOnly: true,
        sameSite: "lax",
        secure: secure || name.startsWith("__Secure-"),
      });
  }
  return Response.json({ deleted });
});
