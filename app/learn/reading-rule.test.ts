import { describe, expect, it } from "vitest";
import { addVisibleTime, describeReadRule, getReadThresholdMs, MAX_TICK_MS } from "./reading-rule";

describe("the reading rule", () => {
  it("asks for 40% of the stated minutes", () => {
    expect(getReadThresholdMs(10)).toBe(240_000);
    expect(describeReadRule(11)).toContain("at least 4.4 minutes");
    expect(describeReadRule(11)).toContain("40% of its 11-minute reading time");
  });

  it("counts visible time only, and no more than a tick's cap at once", () => {
    expect(addVisibleTime(1_000, 1_000, true)).toBe(2_000);
    expect(addVisibleTime(1_000, 1_000, false)).toBe(1_000);
    expect(addVisibleTime(0, 3_600_000, true)).toBe(MAX_TICK_MS);
    expect(addVisibleTime(0, -50, true)).toBe(0);
  });
});
