import { beforeEach, describe, expect, it } from "vitest";
import { requestScope } from "@/tests/next-headers";
import { getLearnerTimeZone } from "./time-zone.server";

const jar = requestScope.cookies;

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
