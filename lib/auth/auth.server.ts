import "server-only";
import { remember } from "@epic-web/remember";
import { env } from "@/lib/env.server";
import { getAllowedOrigins } from "@/lib/http/input";
import { prisma } from "@/lib/db/prisma.server";
import { type Auth, createAuth } from "./create-auth.server";
import { createMailer, type Mailer } from "./mailer.server";
import { getAuthSecret } from "./secret.server";

/** The app's mailer: SMTP_URL and MAIL_FROM; without SMTP_URL, the development server logs each message. */
export function getMailer(): Mailer {
  return remember("descent.mailer", () =>
    createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logMessages: env.NODE_ENV !== "production" }),
  );
}

/** The app's auth instance, built on first use (so `next build` never needs a secret). */
export function getAuth(): Auth {
  return remember("descent.auth", () =>
    createAuth(prisma, {
      secret: getAuthSecret(),
      trustedOrigins: getAllowedOrigins(env.APP_ORIGIN),
      secure: env.NODE_ENV === "production",
      baseURL: env.APP_ORIGIN,
      mailer: getMailer(),
    }),
  );
}
