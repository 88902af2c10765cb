import { beforeEach, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
  }),
}));

const { getLearnerTimeZone } = await import("./time-zone.server");

describe("the learner's time zone from the descent_tz cookie", () => {
  beforeEach(() => jar.clear());

  it("uses the zone the browser reported", async () => {
    jar.set("descent_tz", "America/Los_Angeles");
    expect(await getLearnerTimeZone()).toBe("America/Los_Angeles");
    jar.set("descent_tz", "Asia/Kolkata");
    expect(await getLearnerTimeZone()).toBe("Asia/Kolkata");
  });

  it("falls back to UTC when the cookie is missing, unknown, malformed or too long", async () => {
    expect(await getLearnerTimeZone()).toBe("UTC");
    for (const value of ["", "Not/A_Zone", "America/Los_Angeles\u0000", "a".repeat(65), "../../etc/passwd"]) {
      jar.set("descent_tz", value);
      expect(await getLearnerTimeZone()).toBe("UTC");
    }
  });
});
