import { handleAuthRequest } from "@/lib/auth/auth-route.server";
import { getAuth } from "@/lib/auth/auth.server";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign-up, sign-in, sign-out, session, update-user), behind
// Descent's input checks and limits (lib/auth/auth-route.server.ts). better-auth checks Origin
// against APP_ORIGIN on every state-changing request.
const handler = (request: Request) => handleAuthRequest(getAuth(), request);

export const GET = handler;
export const POST = handler;
