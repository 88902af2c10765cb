// Errors a request can cause in the domain, each naming the kind of failure in the domain's own
// terms. They carry no HTTP status: lib/http/errors.ts answers each kind with one, for every route
// (docs/decisions/072-domain-errors-to-http.md). Below every feature, so any of them can throw one.

/** The kind of failure a domain error is. */
export type DomainErrorKind =
  /** The input can never succeed as sent (an answer of the wrong shape or out of range). */
  | "invalid"
  /** Nothing is stored for this browser to act on (no guest yet, cookies off). */
  | "unidentified"
  /** What the request names does not exist, or not for this learner. */
  | "not-found"
  /** The state changed meanwhile, or work is under way: reload or wait, then try again. */
  | "conflict"
  /** The client went away before its answer (nothing was done). */
  | "withdrawn";

/** An error a request can cause, of a kind; `details` are data its answer carries beside the message. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
