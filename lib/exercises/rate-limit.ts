/**
 * A fixed-window, in-memory rate limiter. It lives in one server process: with several processes
 * each has its own counts, and a restart forgets them. Enough to stop a runaway client from
 * queueing the grader; not a security boundary.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const { limit, windowMs } = options;
  const now = options.now ?? Date.now;
  const hits = new Map<string, number[]>();
  return {
    /** Records a hit for `key`; returns whether it is allowed and, if not, seconds until it is. */
    take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        const oldest = recent[0] ?? t;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - t) / 1000)) };
      }
      recent.push(t);
      hits.set(key, recent);
      // Keep the map from growing without bound under many learners.
      if (hits.size > 10_000) {
        for (const [k, times] of hits) if (times.every((at) => t - at >= windowMs)) hits.delete(k);
      }
      return { allowed: true };
    },
  };
}
