// Browser-safe: the id a page sends with a submission (header) to ask for its place in the grader
// queue (GET /api/grader/queue?ticket=…) before it has a learner cookie. 128 random bits.
export const TICKET_HEADER = "x-descent-ticket";
export const TICKET_PATTERN = /^[0-9a-f]{32}$/;

/** A new ticket (crypto.getRandomValues works on plain http, unlike randomUUID). */
export function newTicket(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
