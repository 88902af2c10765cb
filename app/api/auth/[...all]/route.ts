import {
  authPathOf,
  EMAIL_NOT_CONFIGURED,
  handleAuthRequest,
  isMailRoute,
} from "@/lib/auth/auth-route.server";
import { getAuth, getMailer } from "@/lib/auth/auth.server";
import { betterAuthErrorResponse, handle } from "@/lib/http/route.server";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign-up, sign-in, sign-out, session, update-user, password reset,
// email verification), behind Descent's input checks and limits (lib/auth/auth-route.server.ts).
// better-auth checks Origin against APP_ORIGIN on every state-changing request.
//
// Without a mail server, a request for a link is never answered as if one were on its way (the
// development server's log has the message); the answer is the same for every email.
const answerAuthRequest = async (request: Request) => {
  const response = await handleAuthRequest(getAuth(), request);
  if (response.ok && isMailRoute(authPathOf(request.url)) && !getMailer().configured)
    return Response.json(EMAIL_NOT_CONFIGURED, { status: 503 });
  return response;
};

export const GET = handle(answerAuthRequest, betterAuthErrorResponse);
export const POST = handle(answerAuthRequest, betterAuthErrorResponse);
