import { handleAuthRequest } from "@/lib/auth/auth-route.server";
import { getAuth } from "@/lib/auth/auth.server";
import { betterAuthErrorResponse, handle } from "@/lib/http/route.server";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign-up, sign-in, sign-out, session, update-user), behind
// Descent's input checks and limits (lib/auth/auth-route.server.ts). better-auth checks Origin
// against APP_ORIGIN on every state-changing request.
const answerAuthRequest = async (request: Request) => handleAuthRequest(getAuth(), request);

export const GET = handle(answerAuthRequest, betterAuthErrorResponse);
export const POST = handle(answerAuthRequest, betterAuthErrorResponse);
