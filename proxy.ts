import { type NextRequest, NextResponse } from "next/server";
import { createGuestToken, GUEST_COOKIE, GUEST_TOKEN_PATTERN, guestCookieOptions } from "@/lib/progress/guest-cookie";

/**
 * Gives every visitor a guest token from the first request, so progress can be stored before
 * any account exists. The token is also put on the forwarded request so that this very request's
 * server code already sees it.
 */
export function proxy(request: NextRequest) {
  const existing = request.cookies.get(GUEST_COOKIE)?.value;
  if (existing && GUEST_TOKEN_PATTERN.test(existing)) return NextResponse.next();

  const token = createGuestToken();
  request.cookies.set(GUEST_COOKIE, token);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(GUEST_COOKIE, token, guestCookieOptions(process.env.NODE_ENV === "production"));
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
