import { getAuth } from "@/lib/auth/auth.server";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign-up, sign-in, sign-out, session); it checks Origin against
// trustedOrigins on every state-changing request and rate-limits sign-in.
const handler = (request: Request) => getAuth().handler(request);

export const GET = handler;
export const POST = handler;
