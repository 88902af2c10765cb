import "server-only";
import { CLIENT_HEADER } from "@/lib/http/client-address";
import { getClientAddress, getClientKey } from "@/lib/http/client.server";
import { takePoint } from "@/lib/http/rate-limit.server";
import { answerError, betterAuthErrorResponse, readJsonValue } from "@/lib/http/route.server";
import type { Auth } from "./create-auth.server";
import { getAuthLimiters } from "./limits.server";
import { holdSignInAttempt, type SignInAttempt } from "./sign-in-limits.server";

/** Auth request bodies are small: an email, a password, a name. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;
const TOO_MANY = "Too many attempts.";

/** The routes that send mail with a link, and the limits each takes (per client, per email). */
const MAIL_ROUTES = {
  "/request-password-reset": ["resetRequestsPerClient", "resetRequestsPerEmail"],
  "/send-verification-email": ["verificationMailsPerClient", "verificationMailsPerEmail"],
} as const;

/** The answer when no mail server is set up: the same for every email, so it tells nothing about accounts. */
export const EMAIL_NOT_CONFIGURED = {
  code: "EMAIL_NOT_CONFIGURED",
  message: "Email is not set up on this server (SMTP_URL), so no message was sent.",
} as const;

/** The auth route's path below /api/auth, e.g. "/request-password-reset". */
export const authPathOf = (url: string): string => new URL(url).pathname.replace(/^.*?\/api\/auth(?=\/)/, "");

/** Whether a path below /api/auth sends mail with a link (password reset, email verification). */
export const isMailRoute = (path: string): path is keyof typeof MAIL_ROUTES =>
  Object.hasOwn(MAIL_ROUTES, path);

/**
 * Runs a request through better-auth behind Descent's own checks: JSON bodies read within 16 KiB
 * as a stream and parsed exactly (415/413, nesting, invalid UTF-8 and lone surrogates 400) before
 * better-auth sees them, which then gets only the re-serialized value; sign-in limited per network
 * client and by failures per (email, client) and per email (points taken before the password is
 * checked: lib/auth/sign-in-limits.server.ts), sign-up and mail with a link (password reset,
 * email verification) per client and per email, answering 429
 * with Retry-After; and better-auth's own limiter keyed by the resolved client address, never a
 * client's header.
 */
export async function handleAuthRequest(
  auth: Auth,
  request: Request,
  limiters = getAuthLimiters(),
): Promise<Response> {
  const path = authPathOf(request.url);
  const headers = new Headers(request.headers);
  headers.set(CLIENT_HEADER, getClientAddress(request.headers) ?? "0.0.0.0");
  if (request.method !== "POST") return auth.handler(new Request(request, { headers }));

  let body: string | undefined;
  let attempt: SignInAttempt | null = null;
  try {
    const value = request.body === null ? undefined : await readJsonValue(request, MAX_AUTH_BODY_BYTES);
    body = value === undefined ? undefined : JSON.stringify(value);
    const email = readEmail(value);
    const client = getClientKey(request.headers);
    if (path === "/sign-in/email") {
      await takePoint("signInsPerClient", client, TOO_MANY, limiters);
      if (email) attempt = await holdSignInAttempt(email, client, limiters);
    } else if (path === "/sign-up/email") {
      await takePoint("signUpsPerClient", client, TOO_MANY, limiters);
      if (email) await takePoint("signUpsPerEmail", email, TOO_MANY, limiters);
    } else if (isMailRoute(path)) {
      const [perClient, perEmail] = MAIL_ROUTES[path];
      await takePoint(perClient, client, TOO_MANY, limiters);
      if (email) await takePoint(perEmail, email, TOO_MANY, limiters);
    }
  } catch (error) {
    return betterAuthErrorResponse(answerError(error));
  }

  let response: Response;
  try {
    response = await auth.handler(new Request(request.url, { method: "POST", headers, body }));
  } catch (error) {
    await attempt?.settle(500);
    throw error;
  }
  // A wrong password keeps its failure points; any other answer gives them back.
  await attempt?.settle(response.status);
  return response;
}

function readEmail(value: unknown): string {
  if (!value || typeof value !== "object" || !("email" in value) || typeof value.email !== "string")
    return "";
  return value.email.trim().toLowerCase().slice(0, 254);
}
