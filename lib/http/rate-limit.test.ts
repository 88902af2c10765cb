import { describe, expect, it } from "vitest";

const { TooManyRequestsError } = await import("./errors");
const { assertPointLeft, createLimiters, takePoint } = await import("./rate-limit.server");

// A feature's limits, as features define theirs (lib/auth/limits.server.ts and the like).
const LIMITS = {
  actionsPerLearner: { points: 6, duration: 60 },
  failuresPerEmail: { points: 5, duration: 15 * 60 },
} as const;

describe("takePoint", () => {
  it("allows the limit, then throws 429 with Retry-After in seconds; keys are independent", async () => {
    const limiters = createLimiters(LIMITS);
    const { points, duration } = LIMITS.actionsPerLearner;
    for (let i = 0; i < points; i++) await takePoint("actionsPerLearner", "a", "Slow down.", limiters);
    const refused = await takePoint("actionsPerLearner", "a", "Slow down.", limiters).catch((error) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused.status).toBe(429);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(duration);
    expect(refused.headers["Retry-After"]).toBe(String(refused.retryAfterSeconds));
    await expect(takePoint("actionsPerLearner", "b", "Slow down.", limiters)).resolves.toBeUndefined();
  });

  it("assertPointLeft checks without taking", async () => {
    const limiters = createLimiters(LIMITS);
    for (let i = 0; i < 10; i++) await assertPointLeft("failuresPerEmail", "x@example.com", "No.", limiters);
    await limiters.failuresPerEmail.penalty("x@example.com", LIMITS.failuresPerEmail.points);
    await expect(assertPointLeft("failuresPerEmail", "x@example.com", "No.", limiters)).rejects.toThrow(
      TooManyRequestsError,
    );
  });

  it("keeps each limit apart, by the name the feature gave it", async () => {
    const limiters = createLimiters(LIMITS);
    await limiters.failuresPerEmail.penalty("k", LIMITS.failuresPerEmail.points);
    await expect(takePoint("actionsPerLearner", "k", "No.", limiters)).resolves.toBeUndefined();
  });
});
