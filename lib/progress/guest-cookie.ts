/** Name of the httpOnly cookie that identifies a guest learner. */
export const GUEST_COOKIE = "descent_guest";

/** A guest token is 32 random bytes, base64url: unguessable, and never the learner's id. */
export const GUEST_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Cookie options shared by the code that sets the guest cookie (on the first write) and the code that clears it. */
export function guestCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: 60 * 60 * 24 * 400,
  };
}

/** A new guest token from the Web Crypto API. */
export function createGuestToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
