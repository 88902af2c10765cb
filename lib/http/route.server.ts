import "server-only";
import type { z } from "zod";
import { LearnerRequiredError } from "@/lib/progress/learner.server";

/** An error a route handler turns into a JSON response with this status and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON error response: `{ error: message }`. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

/**
 * Rejects cross-site state-changing requests: the Origin (or, failing that, Referer) must be this
 * site's own. Browsers always send Origin on cross-site POST/PUT/PATCH/DELETE.
 */
export function assertSameOrigin(request: Request): void {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = request.headers.get("origin") ?? refererOrigin(request.headers.get("referer"));
  if (!origin || !host) throw new HttpError(403, "Cross-site request refused (missing Origin header).");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(403, "Cross-site request refused (malformed Origin header).");
  }
  if (originHost !== host) throw new HttpError(403, "Cross-site request refused.");
}

function refererOrigin(referer: string | null): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/** Parses and validates a JSON body, with a byte limit; throws HttpError 400/413/415 with a clear message. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes = 64 * 1024): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new HttpError(415, "Send the body as application/json.");
  const text = await request.text();
  if (new TextEncoder().encode(text).length > maxBytes) {
    throw new HttpError(413, `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new HttpError(400, `Invalid request: ${where}${issue?.message ?? "bad input"}`);
  }
  return parsed.data;
}

/**
 * Wraps a route handler: HttpError and missing-learner errors become JSON errors; anything else
 * is logged and answered with a 500 that leaks nothing.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof HttpError) return jsonError(error.status, error.message);
      if (error instanceof LearnerRequiredError) return jsonError(401, error.message);
      console.error(error);
      return jsonError(500, "Something went wrong on our side. Your work is not lost; please try again.");
    }
  };
}
