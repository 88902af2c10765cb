import "server-only";
import { z } from "zod";
import { DatabaseUrlSchema } from "@/lib/env-shared";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: DatabaseUrlSchema,
  /** Secret for signing auth sessions; a fixed development value is used outside production. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Public origin of the app (scheme, host, port): same-origin checks and auth compare against it. */
  APP_ORIGIN: z
    .string()
    .url()
    .default(`http://localhost:${process.env.PORT ?? "3000"}`)
    .transform((value) => new URL(value).origin),
  /**
   * Proxies whose X-Forwarded-For is believed: comma-separated IPs or CIDRs (e.g.
   * "10.0.0.0/8, ::1"). Empty (the default): the peer address is the client.
   */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((value, context) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  SLOW_QUERY_MS: z.coerce.number().int().positive().default(200),
});

/**
 * Validated environment, read once. The grader pool's settings (GRADER_*) are read per pool start
 * with readGraderSettings (lib/env-shared.ts), which the grader scripts can import too.
 */
export const env = EnvSchema.parse(process.env);
