import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { isCodeExercise, isExerciseSlug, loadExerciseDefinition } from "@/lib/content/registry";
import type { AnswerVocabulary } from "@/lib/exercises/answer-words";
import type { GradeResult } from "@/lib/grader/result";
import { loadFixture } from "../grader/load-fixture";
import { actAsGuest, createGuest, createTestApp } from "../test-app";

// Progress is made the way a learner makes it: submissions go through the real submit route and
// the real grader, reads and ratings through the app's own functions. No verdict is written by
// hand, so the dashboard is checked against the values the app actually stores.
const app = createTestApp({ stubLearner: true });

const { countStreak, getCatalog, getDashboard } = await import("@/lib/progress/dashboard.server");
const submissionsRoute = await import("@/app/api/exercises/[slug]/submissions/route");
const { stopGraderProcesses } = await import("@/lib/grader/pool");
const { markLessonRead } = await import("@/lib/progress/lessons.server");
const { rateCard } = await import("@/lib/progress/reviews.server");
const { getAppOrigins } = await import("@/lib/http/route.server");

const momentumSolution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const momentumEma = loadFixture("momentum-ema").code;
const adamSolution = readFileSync("content/exercises/adam/solution.ts", "utf8");

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));
const utc = (now: Date) => ({ now, timeZone: "UTC" });
afterAll(() => stopGraderProcesses());

type Submitted = { submission: { id: string; verdict: string; createdAt: string }; result: GradeResult };

/** POSTs code to the submit route as this learner; the route grades it for real and stores it. */
async function submit(learnerId: string, slug: string, code: string): Promise<Response> {
  actAsGuest(app, learnerId);
  const origin = getAppOrigins()[0] ?? "";
  const request = new Request(`${origin}/api/exercises/${slug}/submissions`, {
    method: "POST",
    headers: { host: new URL(origin).host, origin, "content-type": "application/json" },
    body: JSON.stringify({ code }),
  });
  return submissionsRoute.POST(request, { params: Promise.resolve({ slug }) });
}

/** POSTs an answer to an exercise of judgment as this learner, through the same route. */
async function submitAnswer(learnerId: string, slug: string, answer: Record<string, number | string>) {
  actAsGuest(app, learnerId);
  const origin = getAppOrigins()[0] ?? "";
  const request = new Request(`${origin}/api/exercises/${slug}/submissions`, {
    method: "POST",
    headers: { host: new URL(origin).host, origin, "content-type": "application/json" },
    body: JSON.stringify({ answer }),
  });
  return submissionsRoute.POST(request, { params: Promise.resolve({ slug }) });
}

async function submitGraded(learnerId: string, slug: string, code: string): Promise<Submitted> {
  const response = await submit(learnerId, slug, code);
  expect(response.status).toBe(200);
  return (await response.json()) as Submitted;
}

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

  it("shows only the learner's own progress: passed count, best verdict by rank, due cards, course map", async () => {
    const mine = await createGuest(app, "dash-mine");
    const other = await createGuest(app, "dash-other");
    await markLessonRead(mine, "momentum");
    const wrong = await submitGraded(mine, "momentum", momentumEma);
    expect(wrong.result.verdict).toBe("failed");
    const mistakeCards = await app.db.cardState.findMany({
      where: { learnerId: mine },
      orderBy: { cardId: "asc" },
    });
    expect(wrong.result.diagnosis, "the EMA mistake is named").not.toBeNull();
    expect(mistakeCards.length).toBeGreaterThan(0);
    const passed = await submitGraded(mine, "momentum", momentumSolution);
    expect(passed.result.verdict).toBe("passed");
    // A later wrong answer does not hide the pass.
    const again = await submitGraded(mine, "momentum", momentumEma);
    expect(again.submission.verdict).toBe("failed");
    // One mistake card rated Easy is no longer due today.
    const [rated, ...stillDue] = mistakeCards;
    if (!rated) throw new Error("no mistake card");
    await rateCard(mine, {
      cardId: rated.cardId,
      rating: 4,
      requestId: randomUUID(),
      version: rated.version,
    });
    await markLessonRead(other, "adam");
    expect((await submitGraded(other, "adam", adamSolution)).result.verdict).toBe("passed");

    const catalog = {
      lessons: [
        {
          slug: "momentum",
          title: "Momentum",
          order: 3,
          exercises: ["momentum"],
          cards: [rated.cardId, "x"],
          cardTopics: ["momentum"],
        },
        { slug: "adam", title: "Adam", order: 7, exercises: ["adam"], cards: ["adam"], cardTopics: ["adam"] },
      ],
      exerciseTitles: new Map([["adam", "Implement Adam"]]),
    };
    const dashboard = await getDashboard(app.db, mine, catalog, { timeZone: "UTC" });
    expect(dashboard.lessons).toMatchObject({
      read: 1,
      total: 2,
      list: [{ slug: "momentum", title: "Momentum" }],
    });
    expect(dashboard.exercisesPassed).toBe(1);
    expect(dashboard.exercises).toEqual([
      {
        exerciseSlug: "momentum",
        title: "momentum",
        verdict: "passed",
        at: new Date(passed.submission.createdAt),
        attempts: 3,
      },
    ]);
    expect(dashboard.recentSubmissions.map((s) => [s.id, s.verdict])).toEqual([
      [again.submission.id, "failed"],
      [passed.submission.id, "passed"],
      [wrong.submission.id, "failed"],
    ]);
    expect(dashboard.cardsDue).toBe(stillDue.length);
    // Cards the deck no longer has (merged or retired) are never shown, so never due.
    const retired = await getDashboard(app.db, mine, catalog, { timeZone: "UTC", deckIds: [] });
    expect(retired.cardsDue).toBe(0);
    expect(dashboard.streak).toBe(1);
    expect(dashboard.courseMap[0]).toMatchObject({
      read: true,
      exercises: [{ verdict: "passed" }],
      cards: { total: 2, studied: 1, topic: "momentum" },
    });
    expect(dashboard.courseMap[1]).toMatchObject({
      read: false,
      exercises: [{ title: "Implement Adam", verdict: null }],
    });
    expect(stillDue.length).toBeGreaterThan(0);
    expect(dashboard.next).toEqual({ type: "review", count: stillDue.length });
  });

  it("words a recent answer of judgment with the exercise's own names; code has no answer", async () => {
    const learner = await createGuest(app, "dash-answers");
    expect((await submit(learner, "momentum", momentumSolution)).status).toBe(200);
    const answer = { lr: 0.003, beta1: 0.9, beta2: 0.999 };
    expect((await submitAnswer(learner, "tune-adam-rosenbrock", answer)).status).toBe(200);
    const slug = "tune-adam-rosenbrock";
    if (!isExerciseSlug(slug)) throw new Error(`no exercise ${slug}`);
    const tune = await loadExerciseDefinition(slug);
    if (isCodeExercise(tune)) throw new Error(`${slug} is an exercise of judgment`);
    const catalog = {
      lessons: [],
      exerciseTitles: new Map<string, string>(),
      answerVocabularies: new Map<string, AnswerVocabulary>([[slug, tune]]),
    };
    const dashboard = await getDashboard(app.db, learner, catalog, { timeZone: "UTC", deckIds: [] });
    expect(dashboard.recentSubmissions.map((s) => [s.exerciseSlug, s.answer])).toEqual([
      ["tune-adam-rosenbrock", "learning rate η 0.003, β1 (momentum) 0.9, β2 (second moment) 0.999"],
      ["momentum", null],
    ]);
  });

  it("counts a card rated Good minutes ago as due today, but offers no review until it is due", async () => {
    const learner = await createGuest(app, "dash-later");
    const catalog = {
      lessons: [{ slug: "adam", title: "Adam", order: 7, exercises: [], cards: [], cardTopics: [] }],
      exerciseTitles: new Map<string, string>(),
    };
    const now = new Date("2026-03-10T09:00:00Z");
    await rateCard(
      learner,
      { cardId: "adam-update", rating: 3, requestId: randomUUID(), version: 0 },
      app.db,
      now,
    );
    const dashboard = await getDashboard(app.db, learner, catalog, { timeZone: "UTC", now });
    expect(dashboard.cardsDue).toBe(1);
    expect(dashboard.next).toEqual({ type: "lesson", slug: "adam", title: "Adam" });
    const later = await getDashboard(app.db, learner, catalog, {
      timeZone: "UTC",
      now: new Date(now.getTime() + 3_600_000),
    });
    expect(later.next).toEqual({ type: "review", count: 1 });
  });

  it("offers as next step the first lesson not read or exercise not passed, in course order", async () => {
    const learner = await createGuest(app, "dash-next");
    const catalog = {
      lessons: [
        { slug: "momentum", title: "Momentum", order: 3, exercises: ["momentum"], cards: [], cardTopics: [] },
        { slug: "adam", title: "Adam", order: 7, exercises: ["adam"], cards: [], cardTopics: [] },
      ],
      exerciseTitles: new Map([
        ["momentum", "SGD with momentum"],
        ["adam", "Implement Adam"],
      ]),
    };
    const next = async () => (await getDashboard(app.db, learner, catalog, { timeZone: "UTC" })).next;
    expect(await next()).toEqual({ type: "lesson", slug: "momentum", title: "Momentum" });
    await markLessonRead(learner, "momentum");
    expect(await next()).toEqual({ type: "exercise", slug: "momentum", title: "SGD with momentum" });
    await submitGraded(learner, "momentum", momentumSolution);
    expect(await next()).toEqual({ type: "lesson", slug: "adam", title: "Adam" });
    await markLessonRead(learner, "adam");
    expect(await next()).toEqual({ type: "exercise", slug: "adam", title: "Implement Adam" });
    await submitGraded(learner, "adam", adamSolution);
    expect(await next()).toEqual({ type: "done" });
  });

  it("stores no submission for a refusal: code over the grader's limit is answered 413", async () => {
    const learner = await createGuest(app, "dash-large");
    const response = await submit(learner, "momentum", `// ${"x".repeat(21_000)}\n${momentumSolution}`);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: string; result: GradeResult };
    expect(body.result.verdict).toBe("too-large");
    expect(body.error).toMatch(/limited to/);
    expect(await app.db.submission.count({ where: { learnerId: learner } })).toBe(0);
    expect((await getDashboard(app.db, learner, await getCatalog(), { timeZone: "UTC" })).exercises).toEqual(
      [],
    );
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
