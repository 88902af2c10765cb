import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { announceCapacity, liveCapacity, liveWorkers, pythonOfWorkers } from "./capacity";

/** The three hash commands capacity.ts uses, on a Map (the real-Redis path: tests/grader/shared-policy.test.ts). */
function fakeRedis() {
  const hash = new Map<string, string>();
  return {
    hash,
    redis: {
      hset: async (_key: string, field: string, value: string) => void hash.set(field, value),
      hgetall: async () => Object.fromEntries(hash),
      hdel: async (_key: string, ...fields: string[]) => {
        for (const field of fields) hash.delete(field);
      },
    } as unknown as Redis,
  };
}

describe("what live workers announce", () => {
  it("lists each worker's processes and Python, and sums the processes", async () => {
    const { redis } = fakeRedis();
    await announceCapacity(redis, "b:2", 2, { available: false, reason: "bwrap is missing" });
    await announceCapacity(redis, "a:1", 1, { available: true });
    expect(await liveWorkers(redis)).toEqual([
      { name: "a:1", processes: 1, python: { available: true } },
      { name: "b:2", processes: 2, python: { available: false, reason: "bwrap is missing" } },
    ]);
    expect(await liveCapacity(redis)).toBe(3);
  });

  it("reads a worker of the previous release (processes:until) with its Python unknown", async () => {
    const { redis, hash } = fakeRedis();
    hash.set("old:7", `2:${Date.now() + 10_000}`);
    expect(await liveWorkers(redis)).toEqual([{ name: "old:7", processes: 2, python: null }]);
  });

  it("forgets announcements that ran out or cannot be read", async () => {
    const { redis, hash } = fakeRedis();
    await announceCapacity(redis, "live", 1, { available: true });
    hash.set("expired", JSON.stringify({ processes: 4, until: Date.now() - 1, python: { available: true } }));
    hash.set("garbled", "{not json");
    hash.set("old-expired", `3:${Date.now() - 1}`);
    expect(await liveCapacity(redis)).toBe(1);
    expect([...hash.keys()]).toEqual(["live"]);
  });
});

describe("Python through the queue, for /api/health", () => {
  const able = { name: "a", processes: 1, python: { available: true as const } };
  const unable = { name: "b", processes: 1, python: { available: false as const, reason: "no bwrap" } };
  it("is available when any live worker can grade it", () => {
    expect(pythonOfWorkers([able, unable])).toEqual({ available: true, workers: 1 });
  });
  it("says why not: each worker's reason, no worker, an old worker, no queue", () => {
    expect(pythonOfWorkers([unable])).toEqual({ available: false, reason: "b: no bwrap" });
    expect(pythonOfWorkers([])).toEqual({ available: false, reason: "no grader worker is running" });
    expect(pythonOfWorkers([{ name: "old", processes: 2, python: null }])).toMatchObject({
      available: false,
    });
    expect(pythonOfWorkers(undefined)).toEqual({ available: false, reason: "the queue cannot be reached" });
  });
});
