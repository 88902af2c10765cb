import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, makeGuestToken, seedLearner } from "./test-db";

vi.mock("server-only", () => ({}));
const { countStreak, getCatalog, getDashboard } = await import("@/lib/progress/dashboard.server");

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));
const utc = (now: Date) => ({ now, timeZone: "UTC" });
let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(() => {
  ({ db, cleanup } = createTestDatabase());
});
afterAll(async () => cleanup());

const catalog = {
  lessons: [
    { slug: "momentum", title: "Momentum", order: 3, exercises: ["momentum"], cards: ["a", "b"] },
    { slug: "adam", title: "Adam", order: 7, exercises: ["adam"], cards: ["adam"] },
  ],
  exerciseTitles: new Map([["adam", "Implement Adam"]]),
};

describe("the dashboard", () => {
  it("counts a streak of consecutive days (here UTC days), alive until today ends", () => {
    expect(countStreak([at(20), at(21, 1), at(21, 23), at(22)], utc(at(22, 18)))).toBe(3);
    expect(countStreak([at(20), at(21)], utc(at(22, 18)))).toBe(2); // nothing yet today
    expect(countStreak([at(19), at(21)], utc(at(23)))).toBe(0);
    expect(countStreak([], utc(at(23)))).toBe(0);
  });

  it("counts streak days in the learner's zone: a 23:30-local review belongs to that local day", () => {
    const LA = "America/Los_Angeles"; // PST in late November, UTC−8
    // 23:30 on the 21st and 08:00 on the 22nd, local: two local days, but both on the 22nd in UTC.
    const twoEvenings = [at(22, 7.5), at(22, 16)];
    const evening = at(23, 4); // 20:00 on the 22nd, local; already the 23rd in UTC
    expect(countStreak(twoEvenings, { now: evening, timeZone: LA })).toBe(2);
    expect(countStreak(twoEvenings, utc(evening))).toBe(1);
    // Reviews at 10:00 local on the 21st and 22nd; at 17:00 local on the 23rd (01:00 UTC on the
    // 24th) the local day is not over, so the streak is alive; in UTC it would already be broken.
    const mornings = [at(21, 18), at(22, 18)];
    expect(countStreak(mornings, { now: at(24, 1), timeZone: LA })).toBe(2);
    expect(countStreak(mornings, utc(at(24, 1)))).toBe(0);
    // Kolkata (UTC+5:30): 18:00 UTC is 23:30 local the same day, 19:00 UTC is 00:30 the next.
    expect(countStreak([at(20, 19), at(21, 18)], { now: at(21, 20), timeZone: "Asia/Kolkata" })).toBe(1);
    expect(countStreak([at(20, 19), at(21, 18)], utc(at(21, 20)))).toBe(2);
  });

  it("shows only the learner's own progress: best verdict with its date, due cards, course map, next step", async () => {
    const mine = await seedLearner(db, {
      guestToken: makeGuestToken("dash-mine"),
      reads: [["momentum", at(20)]],
      submissions: [
        ["momentum", "fail", at(20)],
        ["momentum", "pass", at(21)],
        ["momentum", "fail", at(22)],
      ],
      cards: [{ cardId: "a", reps: 1, lastReview: at(21) }],
      reviews: [["a", at(22)]],
    });
    await seedLearner(db, {
      guestToken: makeGuestToken("dash-other"),
      reads: [["adam", at(22)]],
      submissions: [["adam", "pass", at(22)]],
    });

    const dashboard = await getDashboard(db, mine.id, catalog, utc(at(22, 18)));
    expect(dashboard.lessons).toMatchObject({
      read: 1,
      total: 2,
      list: [{ slug: "momentum", title: "Momentum" }],
    });
    expect(dashboard.exercises).toEqual([
      { exerciseSlug: "momentum", title: "momentum", verdict: "pass", at: at(21), attempts: 3 },
    ]);
    expect(dashboard.cardsDue).toBe(1);
    expect(dashboard.streak).toBe(3);
    expect(dashboard.recentSubmissions.map((s) => s.createdAt)).toEqual([at(22), at(21), at(20)]);
    expect(dashboard.courseMap[0]).toMatchObject({
      read: true,
      exercises: [{ verdict: "pass" }],
      cards: { total: 2, studied: 1 },
    });
    expect(dashboard.courseMap[1]).toMatchObject({
      read: false,
      exercises: [{ title: "Implement Adam", verdict: null }],
    });
    expect(dashboard.next).toEqual({ type: "review", count: 1 });
  });

  it("reads the real course outline from content/", async () => {
    const real = await getCatalog();
    expect(real.lessons.length).toBeGreaterThan(0);
    expect(real.lessons.find((lesson) => lesson.slug === "adam")?.exercises).toContain("adam");
    const orders = real.lessons.map((lesson) => lesson.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(real.exerciseTitles.get("adam")).toBeTruthy();
  });
});
