import "server-only";
import { env } from "@/lib/env.server";
import { prisma } from "@/lib/progress/db.server";
import { type Auth, createAuth } from "./create-auth.server";
import { getAuthSecret } from "./secret.server";

const globalForAuth = globalThis as unknown as { descentAuth?: Auth };

/** The app's auth instance, built on first use (so `next build` never needs a secret). */
export function getAuth(): Auth {
  globalForAuth.descentAuth ??= createAuth(prisma, {
    secret: getAuthSecret(),
    trustedOrigins: [env.APP_ORIGIN, ...localOrigins()],
    secure: env.NODE_ENV === "production",
  });
  return globalForAuth.descentAuth;
}

// The local test and preview servers (Playwright uses http://127.0.0.1:<port>).
function localOrigins(): string[] {
  const port = process.env.E2E_PORT ?? process.env.PORT ?? "3000";
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}
