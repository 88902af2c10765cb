import "server-only";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().startsWith("file:").default("file:./data/descent.db"),
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

/** Validated environment, read once. */
export const env = EnvSchema.parse(process.env);
