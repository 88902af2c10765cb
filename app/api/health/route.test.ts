import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPythonSandboxStatus } from "@/lib/sandbox/python";
import { createTestDatabase } from "@/tests/test-db";

// /api/health against a real temporary database; the queue case points REDIS_URL at a port where
// nothing listens, so the grader part must report the failure (within its 2 s budget) as a 503.
const state = vi.hoisted(() => ({ db: null as unknown as PrismaClient }));
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));

const { GET } = await import("./route");
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await cleanup();
});

describe("GET /api/health", () => {
  it("without REDIS_URL: 200, the database and the in-process grader pool", async () => {
    vi.stubEnv("REDIS_URL", "");
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.database).toMatchObject({ ok: true });
    expect(["sqlite", "postgresql"]).toContain(body.database.provider);
    expect(body.grader).toMatchObject({ mode: "in-process", ok: true });
    expect(body.python.available).toBe(getPythonSandboxStatus().available);
  });

  it("with a queue that cannot be reached: 503 naming the queue, the database still ok", async () => {
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
    const started = Date.now();
    const response = await GET();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.database.ok).toBe(true);
    expect(body.grader).toMatchObject({ mode: "queue", ok: false });
    expect(body.grader.error).toMatch(/did not answer/);
  });
});
