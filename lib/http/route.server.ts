import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env.server";
import { describeError, type ErrorAnswer, HttpError } from "./errors";
import { assertBodyAllowed, chargeOversizedBody } from "./body-limit.server";
import { getClientKey } from "./client.server";
import {
  exceedsJsonDepth,
  findMalformedString,
  getAllowedOrigins,
  isAllowedOrigin,
  isJsonContentType,
  MAX_JSON_DEPTH,
  readBoundedText,
} from "./input";

export { HttpError } from "./errors";

/** The origins this app answers state-changing requests from (APP_ORIGIN; its loopback aliases locally). */
export function getAppOrigins(): string[] {
  return getAllowedOrigins(env.APP_ORIGIN);
}

/**
 * Rejects cross-site state-changing requests: the Origin (or, failing that, Referer) must be
 * APP_ORIGIN, scheme and host. Browsers always send Origin on cross-site POST/PUT/PATCH/DELETE.
 */
export function assertSameOrigin(request: Request, allowed: readonly string[] = getAppOrigins()): void {
  if (!request.headers.get("origin") && !request.headers.get("referer"))
    throw new HttpError(403, "Cross-site request refused (missing Origin header).");
  if (!isAllowedOrigin(request.headers, allowed)) throw new HttpError(403, "Cross-site request refused.");
}

/**
 * Parses and validates a JSON body: exact media type (415), a byte limit (413), valid UTF-8 and
 * JSON nested at most MAX_JSON_DEPTH deep, no lone surrogates in any string (400), then the schema
 * (400). Cheap, so it runs before any limit is counted or any work done; only an oversized body
 * costs its client a point (lib/http/body-limit.server.ts).
 */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = 64 * 1024,
): Promise<z.infer<T>> {
  const data = await readJsonValue(request, maxBytes);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new HttpError(400, `Invalid request: ${where}${issue?.message ?? "bad input"}`);
  }
  return parsed.data;
}

/**
 * The JSON body as an unvalidated value, with readJson's checks. The body is read as a stream and
 * reading stops at `maxBytes` (plus at most one chunk), chunked or not, so an oversized body is
 * never held; it answers 413 and takes a point from its client's oversized-body limit, and a
 * client with none left gets 429 before a byte is read.
 */
export async function readJsonValue(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type")))
    throw unread(new HttpError(415, "Send the body as application/json."));
  const client = getClientKey(request.headers);
  await assertBodyAllowed(client).catch((error: unknown) => {
    throw error instanceof HttpError ? unread(error) : error;
  });
  const declared = Number(request.headers.get("content-length") ?? 0);
  const body = declared > maxBytes ? null : await readBoundedText(request.body, maxBytes);
  if (body === null || (!body.ok && body.reason === "too-large")) {
    await chargeOversizedBody(client).catch((error: unknown) => {
      throw error instanceof HttpError ? unread(error) : error;
    });
    throw unread(new HttpError(413, `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`));
  }
  if (!body.ok) throw new HttpError(400, "The request body is not valid UTF-8.");
  // Before parsing: code that walks the value (here, schemas, better-auth) may recurse.
  if (exceedsJsonDepth(body.text))
    throw new HttpError(400, `The request body is nested too deeply (more than ${MAX_JSON_DEPTH} levels).`);
  let data: unknown;
  try {
    data = JSON.parse(body.text);
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
  const malformed = findMalformedString(data);
  if (malformed) {
    const where = malformed.length > 0 ? `${malformed.join(".")}: ` : "";
    throw new HttpError(
      400,
      `Invalid request: ${where}contains an invalid character (a lone UTF-16 surrogate).`,
    );
  }
  return data;
}

/**
 * The same refusal, closing the connection after the answer: the rest of the body is never read,
 * so the connection must not carry another request (nor must the server drain the body for it).
 */
function unread(error: HttpError): HttpError {
  return new HttpError(error.status, error.message, { ...error.headers, Connection: "close" });
}

const INTERNAL_ERROR = "Something went wrong on our side. Your work is not lost; please try again.";

/**
 * The answer to any error a route meets: describeError's (lib/http/errors.ts) for an error the
 * request caused; for anything else, logged here, a 500 that leaks nothing.
 */
export function answerError(error: unknown): ErrorAnswer {
  const answer = describeError(error);
  if (answer) return answer;
  console.error(error);
  return { status: 500, message: INTERNAL_ERROR, fields: {}, headers: {} };
}

/** An error answer as Descent's routes send it: `{ error: message, ...fields }` (ErrorAnswerSchema). */
export function errorResponse({ status, message, fields, headers }: ErrorAnswer): Response {
  return Response.json({ error: message, ...fields }, { status, headers });
}

/**
 * An error answer in better-auth's shape, `{ message, code }`, with the X-Retry-After header its
 * browser client reads: for the /api/auth routes, which that client calls.
 */
export function betterAuthErrorResponse({ status, message, headers }: ErrorAnswer): Response {
  const code = status === 429 ? "TOO_MANY_REQUESTS" : status >= 500 ? "INTERNAL_SERVER_ERROR" : "INVALID_REQUEST";
  const retry = headers["Retry-After"];
  return Response.json(
    { message, code },
    { status, headers: { ...headers, ...(retry ? { "X-Retry-After": retry } : {}) } },
  );
}

/**
 * Wraps a route handler: any error it throws is answered by answerError, written by `respond`
 * (Descent's `{ error }` answers; betterAuthErrorResponse for better-auth's routes).
 */
export function handle<A extends unknown[]>(
  fn: (...args: A) => Promise<Response>,
  respond: (answer: ErrorAnswer) => Response = errorResponse,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      return respond(answerError(error));
    }
  };
}
