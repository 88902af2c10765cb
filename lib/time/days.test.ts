import { describe, expect, it } from "vitest";
import {
  addDays,
  DEFAULT_TIME_ZONE,
  dayKey,
  daysBetween,
  isValidTimeZone,
  normalizeTimeZone,
  startOfDay,
  startOfDayKey,
  startOfNextDay,
} from "./days";

const LA = "America/Los_Angeles";
const HOUR = 3_600_000;
const iso = (value: string) => new Date(value);

describe("dayKey", () => {
  it("names the calendar day in the learner's zone, not UTC's", () => {
    const instant = iso("2026-03-10T06:30:00Z"); // 23:30 on March 9 in Los Angeles (PDT, UTC−7)
    expect(dayKey(instant, "UTC")).toBe("2026-03-10");
    expect(dayKey(instant, LA)).toBe("2026-03-09");
    expect(dayKey(iso("2026-03-09T18:29:59Z"), "Asia/Kolkata")).toBe("2026-03-09"); // 23:59:59 IST
    expect(dayKey(iso("2026-03-09T18:30:00Z"), "Asia/Kolkata")).toBe("2026-03-10"); // 00:00 IST (+5:30)
    expect(dayKey(iso("2026-03-09T10:00:00Z"), "Pacific/Kiritimati")).toBe("2026-03-10"); // +14
    expect(dayKey(iso("2026-03-09T09:59:59Z"), "Pacific/Kiritimati")).toBe("2026-03-09");
  });

  it("pads years and handles the turn of the year", () => {
    expect(dayKey(iso("2027-01-01T07:59:59Z"), LA)).toBe("2026-12-31");
    expect(dayKey(iso("2027-01-01T08:00:00Z"), LA)).toBe("2027-01-01");
  });
});

describe("startOfDay", () => {
  it("is local midnight in zones behind and ahead of UTC, including half-hour and +14 offsets", () => {
    const now = iso("2026-03-10T12:00:00Z");
    expect(startOfDay(now, "UTC").toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(startOfDay(now, LA).toISOString()).toBe("2026-03-10T07:00:00.000Z"); // PDT
    expect(startOfDay(now, "Asia/Kolkata").toISOString()).toBe("2026-03-09T18:30:00.000Z");
    // 12:00Z is already 02:00 on March 11 in Kiritimati.
    expect(startOfDay(now, "Pacific/Kiritimati").toISOString()).toBe("2026-03-10T10:00:00.000Z");
    expect(startOfDay(iso("2026-03-10T07:00:00Z"), LA).toISOString()).toBe("2026-03-10T07:00:00.000Z");
    expect(startOfDay(iso("2026-03-10T06:59:59.999Z"), LA).toISOString()).toBe("2026-03-09T07:00:00.000Z");
  });

  it("follows DST: March 8, 2026 has 23 hours in Los Angeles and November 1 has 25", () => {
    const march8 = startOfDayKey("2026-03-08", LA);
    const march9 = startOfDayKey("2026-03-09", LA);
    expect(march8.toISOString()).toBe("2026-03-08T08:00:00.000Z"); // PST midnight
    expect(march9.toISOString()).toBe("2026-03-09T07:00:00.000Z"); // PDT midnight
    expect(march9.getTime() - march8.getTime()).toBe(23 * HOUR);
    expect(startOfNextDay(iso("2026-03-08T20:00:00Z"), LA)).toEqual(march9);
    const november1 = startOfDayKey("2026-11-01", LA);
    expect(november1.toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(startOfDayKey("2026-11-02", LA).getTime() - november1.getTime()).toBe(25 * HOUR);
    // Europe switches at 01:00 UTC, after midnight: that midnight is still GMT.
    expect(startOfDayKey("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfDayKey("2026-03-30", "Europe/London").toISOString()).toBe("2026-03-29T23:00:00.000Z");
  });

  it("starts the day when the clocks jump there if a DST change skips midnight", () => {
    // Chile springs forward at 00:00 on September 6, 2026: the day begins at 01:00 (UTC−3).
    const start = startOfDayKey("2026-09-06", "America/Santiago");
    expect(start.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(dayKey(start, "America/Santiago")).toBe("2026-09-06");
    expect(dayKey(new Date(start.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
    // Lebanon (east of UTC) springs forward at 00:00 on March 30, 2025: UTC midnight is already
    // summer time there, so the offset must be taken at the local midnight, not at UTC midnight.
    const beirut = startOfDayKey("2025-03-30", "Asia/Beirut");
    expect(beirut.toISOString()).toBe("2025-03-29T22:00:00.000Z"); // 01:00 EEST
    expect(dayKey(new Date(beirut.getTime() - 1), "Asia/Beirut")).toBe("2025-03-29");
    expect(startOfDayKey("2025-10-26", "Asia/Beirut").toISOString()).toBe("2025-10-25T22:00:00.000Z");
  });
});

describe("calendar arithmetic on day keys", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-10", -139)).toBe("2025-10-22");
    expect(daysBetween("2026-03-08", "2026-03-22")).toBe(14);
    expect(daysBetween("2026-03-09", "2026-03-08")).toBe(-1);
    expect(() => addDays("March 8", 1)).toThrow(RangeError);
  });
});

describe("time zone validation", () => {
  it("accepts IANA zones and rejects anything else, falling back to UTC", () => {
    expect(DEFAULT_TIME_ZONE).toBe("UTC");
    for (const zone of [LA, "Asia/Kolkata", "Pacific/Kiritimati", "UTC", "Europe/London"]) {
      expect(isValidTimeZone(zone)).toBe(true);
      expect(normalizeTimeZone(zone)).toBe(zone);
    }
    const bad = [
      undefined,
      null,
      42,
      "",
      "Mars/Olympus_Mons",
      "America/Los_Angeles; path=/",
      "<script>",
      `America/${"x".repeat(80)}`,
    ];
    for (const value of bad) {
      expect(isValidTimeZone(value)).toBe(false);
      expect(normalizeTimeZone(value)).toBe("UTC");
    }
  });
});
