import "server-only";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().startsWith("file:").default("file:./data/descent.db"),
  /** Secret for signing auth sessions; a fixed development value is used outside production. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Public origin of the app, used for CSRF origin checks and auth callbacks. */
  APP_ORIGIN: z.string().url().default("http://localhost:3000"),
  SLOW_QUERY_MS: z.coerce.number().int().positive().default(200),
});

/** Validated environment, read once. */
export const env = EnvSchema.parse(process.env);
