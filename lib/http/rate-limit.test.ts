import { describe, expect, it } from "vitest";

const { TooManyRequestsError } = await import("./errors");
const { assertPointLeft, createLimiters, LIMITS, takePoint } = await import("./rate-limit.server");

describe("takePoint", () => {
  it("allows the limit, then throws 429 with Retry-After in seconds; keys are independent", async () => {
    const limiters = createLimiters();
    const { points, duration } = LIMITS.submissionsPerLearner;
    for (let i = 0; i < points; i++) await takePoint("submissionsPerLearner", "a", "Slow down.", limiters);
    const refused = await takePoint("submissionsPerLearner", "a", "Slow down.", limiters).catch(
      (error) => error,
    );
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused.status).toBe(429);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(duration);
    expect(refused.headers["Retry-After"]).toBe(String(refused.retryAfterSeconds));
    await expect(takePoint("submissionsPerLearner", "b", "Slow down.", limiters)).resolves.toBeUndefined();
  });

  it("assertPointLeft checks without taking", async () => {
    const limiters = createLimiters();
    for (let i = 0; i < 10; i++)
      await assertPointLeft("signInFailuresPerEmail", "x@example.com", "No.", limiters);
    await limiters.signInFailuresPerEmail.penalty("x@example.com", LIMITS.signInFailuresPerEmail.points);
    await expect(assertPointLeft("signInFailuresPerEmail", "x@example.com", "No.", limiters)).rejects.toThrow(
      TooManyRequestsError,
    );
  });
});
