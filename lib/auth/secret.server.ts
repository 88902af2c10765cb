import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env.server";

// Only for development and tests, where sessions need not survive anything.
const DEVELOPMENT_SECRET = "descent-development-secret-not-for-production-use";

/**
 * The secret that signs session cookies: AUTH_SECRET if set; in production without it, a random
 * secret generated once and kept in data/auth-secret (so `npm start` works on a fresh machine and
 * sessions survive restarts); elsewhere a fixed development value.
 */
export function getAuthSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV !== "production") return DEVELOPMENT_SECRET;
  const file = path.resolve("data", "auth-secret");
  try {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  } catch {
    // Absent: generate below.
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": if another process won the race, use its secret rather than overwrite it.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
