import "server-only";
import { HttpError } from "@/lib/http/route.server";
import { ReviewRequestError, StaleCardError } from "@/lib/progress/reviews.server";

/** Runs a card operation, turning its domain errors into HTTP answers (409 carries the fresh card). */
export async function withCardErrors(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StaleCardError)
      return Response.json({ error: error.message, card: error.card }, { status: 409 });
    if (error instanceof ReviewRequestError) throw new HttpError(error.status, error.message);
    throw error;
  }
}

/** A topic filter from a query string or body: absent or empty means all topics. */
export function normalizeTopic(topic: string | null | undefined): string | null {
  return topic && /^[a-z0-9-]{1,40}$/.test(topic) ? topic : null;
}
