import { describe, expect, it } from "vitest";
import { isStalledFailure, readQueueSettings } from "./settings";

describe("readQueueSettings", () => {
  it("has no queue without REDIS_URL (the in-process pool is the default)", () => {
    expect(readQueueSettings({}).redisUrl).toBeNull();
    expect(readQueueSettings({ REDIS_URL: "" }).redisUrl).toBeNull();
    expect(readQueueSettings({}).workerPort).toBeNull();
  });

  it("takes a redis:// or rediss:// URL and refuses anything else", () => {
    expect(readQueueSettings({ REDIS_URL: "redis://127.0.0.1:6379/0" }).redisUrl).toBe(
      "redis://127.0.0.1:6379/0",
    );
    expect(readQueueSettings({ REDIS_URL: "rediss://cache.internal:6380" }).redisUrl).toBe(
      "rediss://cache.internal:6380",
    );
    expect(() => readQueueSettings({ REDIS_URL: "postgresql://localhost/descent" })).toThrow(/REDIS_URL/);
  });

  it("falls back to the defaults for out-of-range numbers", () => {
    const settings = readQueueSettings({ GRADER_QUEUE_MAX_WAITING: "0", GRADER_QUEUE_WAIT_MS: "abc" });
    expect(settings.maxWaiting).toBe(200);
    expect(settings.waitMs).toBe(120_000);
    expect(readQueueSettings({ GRADER_WORKER_PORT: "3251" }).workerPort).toBe(3251);
    expect(readQueueSettings({ GRADER_WORKER_PORT: "0" }).workerPort).toBe(0);
    expect(readQueueSettings({ GRADER_WORKER_PORT: "70000" }).workerPort).toBeNull();
  });

  it("recognises BullMQ's reason for a job that lost its worker too often", () => {
    expect(isStalledFailure("job stalled more than allowable limit")).toBe(true);
    expect(isStalledFailure("Unknown exercise")).toBe(false);
  });
});
