import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GUEST_COOKIE, GUEST_TOKEN_PATTERN } from "@/lib/progress/guest-cookie";
import { mergeGuestIntoUser } from "@/lib/progress/merge.server";
import { getFieldErrors, MIN_PASSWORD_LENGTH, signUpSchema } from "./credentials";

/** Settings that differ between the app, its tests and production. */
export type AuthSettings = {
  secret: string;
  /** Origins allowed to call the auth endpoints (CSRF): the app's own, plus test servers. */
  trustedOrigins: string[];
  /** Secure cookies (production). */
  secure: boolean;
};

/** Sign-in attempts allowed per client address and window (seconds). */
export const SIGN_IN_LIMIT = { window: 60, max: 5 } as const;

/**
 * Builds Descent's better-auth instance over a Prisma client: email and password (hashed with
 * better-auth's default scrypt, which is memory-hard), database sessions in httpOnly SameSite=Lax
 * cookies, database-backed rate limits, and hooks that enforce the password policy and move a
 * guest's progress into the account on sign-up and sign-in.
 */
export function createAuth(db: PrismaClient, settings: AuthSettings) {
  return betterAuth({
    appName: "Descent",
    secret: settings.secret,
    basePath: "/api/auth",
    database: prismaAdapter(db, { provider: "sqlite" }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
    },
    // The request's own origin is trusted too, so the app works on whatever host:port serves it;
    // cross-site requests still fail (their Origin is a different site).
    trustedOrigins: async (request) => [
      ...settings.trustedOrigins,
      request ? new URL(request.url).origin : undefined,
    ],
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": SIGN_IN_LIMIT,
        "/sign-up/email": { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: settings.secure,
      // Explicit, so the Origin check (CSRF) also runs under test runners, where better-auth skips it by default.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: settings.secure },
    },
    telemetry: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email") return;
        // The same policy the form checks, enforced on the server (a script can skip the form).
        const parsed = signUpSchema.safeParse(ctx.body);
        if (!parsed.success) {
          const fields = getFieldErrors(parsed.error);
          throw new APIError("BAD_REQUEST", {
            message: Object.values(fields)[0] ?? "Invalid sign-up details.",
            code: "INVALID_SIGN_UP",
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-up/email" || ctx.path === "/sign-in/email") {
          const userId = ctx.context.newSession?.user.id;
          if (!userId) return;
          const token = ctx.getCookie(GUEST_COOKIE);
          await mergeGuestIntoUser(db, token && GUEST_TOKEN_PATTERN.test(token) ? token : null, userId);
          return;
        }
        if (ctx.path === "/sign-out") {
          // A fresh guest after sign-out: the proxy issues a new guest cookie on the next request.
          ctx.setCookie(GUEST_COOKIE, "", {
            path: "/",
            maxAge: 0,
            httpOnly: true,
            sameSite: "lax",
            secure: settings.secure,
          });
        }
      }),
    },
  });
}

/** The type of Descent's auth instance. */
export type Auth = ReturnType<typeof createAuth>;
