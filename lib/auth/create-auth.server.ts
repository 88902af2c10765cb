import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { z } from "zod";
import { providerOf } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GUEST_COOKIE, GUEST_TOKEN_PATTERN } from "@/lib/progress/guest-cookie";
import { CLIENT_HEADER } from "@/lib/http/client-address";
import { mergeGuestIntoUser } from "@/lib/progress/merge.server";
import {
  RESET_LINK_SECONDS,
  sendResetPasswordMail,
  sendVerificationMail,
  VERIFY_LINK_SECONDS,
} from "./account-mail.server";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "./common-passwords.server";
import {
  getFieldErrors,
  MIN_PASSWORD_LENGTH,
  passwordSchema,
  signUpSchema,
  updateUserSchema,
} from "./credentials";
import { createMailer, type Mailer } from "./mailer.server";

/** Settings that differ between the app, its tests and production. */
export type AuthSettings = {
  secret: string;
  /** Origins allowed to call the auth endpoints (CSRF): the app's own, plus test servers. */
  trustedOrigins: string[];
  /** Secure cookies (production). */
  secure: boolean;
  /** The public origin (APP_ORIGIN): links and callbacks never follow the request's Host header. */
  baseURL?: string;
  /** Sends the password-reset and verification links; without one, nothing is sent (and nothing logged). */
  mailer?: Mailer;
};

/**
 * better-auth's own limits, a backstop behind the route's (lib/auth/auth-route.server.ts), which
 * are tighter and answer first with Retry-After. Keyed by the address the route resolved.
 */
const BACKSTOP_LIMITS = {
  "/sign-in/email": { window: 60, max: 30 },
  "/sign-up/email": { window: 60, max: 30 },
} as const;

/** Checks a request body against a schema; a 400 with the first field's message otherwise. */
function assertValid(schema: z.ZodType, body: unknown, code: string): void {
  const parsed = schema.safeParse(body);
  if (parsed.success) return;
  throw new APIError("BAD_REQUEST", {
    message: Object.values(getFieldErrors(parsed.error))[0] ?? "Invalid details.",
    code,
  });
}

/** The password policy plus the common-passwords list, for every path that sets a password. */
function assertGoodPassword(password: unknown): void {
  assertValid(passwordSchema, password, "WEAK_PASSWORD");
  if (typeof password === "string" && isCommonPassword(password))
    throw new APIError("BAD_REQUEST", { message: COMMON_PASSWORD_MESSAGE, code: "COMMON_PASSWORD" });
}

/**
 * Builds Descent's better-auth instance over a Prisma client: email and password (hashed with
 * better-auth's default scrypt, which is memory-hard), database sessions in httpOnly SameSite=Lax
 * cookies, database-backed rate limits, and hooks that enforce the password policy and move a
 * guest's progress into the account on sign-up and sign-in.
 */
export function createAuth(db: PrismaClient, settings: AuthSettings) {
  const mailer = settings.mailer ?? createMailer({ from: "Descent", logMessages: false, log: () => {} });
  return betterAuth({
    appName: "Descent",
    secret: settings.secret,
    baseURL: settings.baseURL,
    basePath: "/api/auth",
    database: prismaAdapter(db, { provider: providerOf(db) }),
    emailAndPassword: {
      enabled: true,
      // Sign-up never signs in: so that a taken email gets the same answer as a new one (better-auth
      // returns a generic success for duplicates only then); the form signs in next.
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      // A link by email, working once for an hour (better-auth consumes the token when the password
      // is set); the new password signs out every other session.
      sendResetPassword: async ({ user, url }) => sendResetPasswordMail(mailer, user.email, url),
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
    },
    // Offered on /account, never required to sign in.
    emailVerification: {
      sendVerificationEmail: async ({ user, url }) => sendVerificationMail(mailer, user.email, url),
      sendOnSignUp: false,
      autoSignInAfterVerification: false,
      expiresIn: VERIFY_LINK_SECONDS,
    },
    // APP_ORIGIN (and its loopback aliases), never the request's own Host.
    trustedOrigins: settings.trustedOrigins,
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: BACKSTOP_LIMITS,
    },
    advanced: {
      // The address the auth route resolved from the peer and TRUST_PROXY; any client copy is replaced there.
      ipAddress: { ipAddressHeaders: [CLIENT_HEADER] },
      useSecureCookies: settings.secure,
      // Explicit, so the Origin check (CSRF) also runs under test runners, where better-auth skips it by default.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: settings.secure },
    },
    telemetry: { enabled: false },
    hooks: {
      // The same policy the form checks, enforced on the server (a script can skip the form), and
      // on every path that changes a field, not only at sign-up.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-up/email") {
          assertValid(signUpSchema, ctx.body, "INVALID_SIGN_UP");
          assertGoodPassword(ctx.body?.password);
        } else if (ctx.path === "/update-user") {
          assertValid(updateUserSchema, ctx.body, "INVALID_USER_UPDATE");
        } else if (ctx.path === "/change-password" || ctx.path === "/reset-password") {
          assertGoodPassword(ctx.body?.newPassword);
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
          // A fresh guest after sign-out: the server creates a new one on the next write.
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
