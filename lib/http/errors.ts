import { DomainError, type DomainErrorKind } from "../domain-error";

/** An error a route handler turns into a JSON response with this status and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers (Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A 429 with Retry-After, in seconds. */
export class TooManyRequestsError extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, message, { "Retry-After": String(retryAfterSeconds) });
  }
}

/** The status answering each kind of domain error: the one place a domain error becomes HTTP. */
const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  unidentified: 401,
  "not-found": 404,
  conflict: 409,
  // "Client closed request" (nginx's code): nobody reads it, the logs do.
  withdrawn: 499,
};

/** How an error is answered: its status and message, fields beside the message, headers. */
export type ErrorAnswer = {
  readonly status: number;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
};

/**
 * The answer to an error a request caused: an HttpError (malformed or cross-site request, too
 * many requests) as it says, a domain error by its kind, with its details as fields. Null for
 * anything else: a fault of ours, answered 500 without a word about it.
 */
export function describeError(error: unknown): ErrorAnswer | null {
  if (error instanceof HttpError)
    return { status: error.status, message: error.message, fields: {}, headers: error.headers };
  if (error instanceof DomainError)
    return { status: STATUS_OF_KIND[error.kind], message: error.message, fields: error.details, headers: {} };
  return null;
}
