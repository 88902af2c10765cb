import { describe, expect, it, vi } from "vitest";
import type { CheckYourselfView, InterviewView } from "@/lib/interview/view";
import { actAsGuest, createGuest, createTestApp } from "../test-app";
import { fixtureItem } from "./fixtures";

// A lesson's check-yourself questions over a real temporary database: stored as a Study-mode
// interview of their own format on the first answer, answered through the interview's answer route,
// feedback after each answer and never before, and never the learner's running interview or history.
const app = createTestApp({ stubLearner: true });
const LESSON = "adam";
const IDS = ["adam-bias-why", "memory-order", "adam-first-step-number", "adamw-update"];
vi.mock("@/lib/interview/bank.server", async () => {
  const { buildBank } = await import("@/lib/interview/bank");
  const { fixtureItems: items } = await import("./fixtures");
  const bank = buildBank(items);
  return { getBank: () => bank };
});
vi.mock("@/lib/content/registry", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/content/registry")>()),
  readCheckYourselfFile: () => ({
    file: "lessons.json",
    raw: { adam: ["adam-bias-why", "memory-order", "adam-first-step-number", "adamw-update"] },
  }),
}));

const lessonRoute = await import("@/app/api/interview/check-yourself/[lesson]/route");
const answerRoute = await import("@/app/api/interview/[id]/answer/route");
const start = await import("@/app/api/interview/route");
const current = await import("@/app/api/interview/current/route");
const history = await import("@/app/api/interview/history/route");
const { getAppOrigins } = await import("@/lib/http/route.server");
const { computeExpected } = await import("@/lib/interview/compute");

let clientCounter = 0;
const origin = () => getAppOrigins()[0] ?? "";
function request(path: string, body?: unknown): Request {
  return new Request(`${origin()}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      host: new URL(origin()).host,
      origin: origin(),
      "content-type": "application/json",
      "x-forwarded-for": `203.0.113.${(++clientCounter % 250) + 1}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const lessonParams = (lesson: string) => ({ params: Promise.resolve({ lesson }) });

async function getLesson(lesson = LESSON) {
  const response = await lessonRoute.GET(
    request(`/api/interview/check-yourself/${lesson}`),
    lessonParams(lesson),
  );
  return { status: response.status, body: (await response.json()) as { checkYourself: CheckYourselfView } };
}
async function postLesson(lesson = LESSON) {
  const response = await lessonRoute.POST(
    request(`/api/interview/check-yourself/${lesson}`, {}),
    lessonParams(lesson),
  );
  return { status: response.status, body: (await response.json()) as { checkYourself: CheckYourselfView } };
}
async function answer(id: string, itemId: string, value: unknown) {
  const response = await answerRoute.POST(request(`/api/interview/${id}/answer`, { itemId, answer: value }), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, body: (await response.json()) as { interview: InterviewView } };
}

describe("check-yourself questions", () => {
  it("are the lesson's listed items, sent without any answer, to a visitor with nothing stored", async () => {
    app.learner = { id: "", userId: null, isGuest: true, stored: false };
    const { status, body } = await getLesson();
    expect(status).toBe(200);
    expect(body.checkYourself.interviewId).toBeNull();
    expect(body.checkYourself.items.map((item) => item.id)).toEqual(IDS);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/"correct"|"expected"|"keyPoints"|"accepts"|"lookalikes"/);
    expect(text).not.toContain(fixtureItem("adam-bias-why", "choice").explanation);
    expect(text).not.toContain(fixtureItem("adamw-update", "formula").answer);
    expect(body.checkYourself.items.every((item) => item.feedback === null)).toBe(true);
    const order = fixtureItem("memory-order", "order");
    expect(body.checkYourself.items[1]?.order?.entries.map((e) => e.id)).not.toEqual(
      order.items.map((e) => e.id),
    );
  });

  it("answer 404 for a lesson without questions, and make no learner for it", async () => {
    expect((await getLesson("no-such-lesson")).status).toBe(404);
    expect((await postLesson("no-such-lesson")).status).toBe(404);
  });

  it("are stored on the first answer, with feedback after each answer only", async () => {
    const learnerId = await createGuest(app, "check-yourself");
    actAsGuest(app, learnerId);
    const created = await postLesson();
    expect(created.status).toBe(201);
    const id = created.body.checkYourself.interviewId as string;
    expect((await postLesson()).body.checkYourself.interviewId).toBe(id);
    const row = await app.db.interview.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ format: "check-yourself", mode: "study", focus: LESSON, finishedAt: null });

    const numeric = fixtureItem("adam-first-step-number", "numeric");
    const after = await answer(id, numeric.id, { value: computeExpected(numeric.compute) });
    expect(after.status).toBe(200);
    const answered = after.body.interview.items.find((item) => item.id === numeric.id);
    expect(answered?.feedback).toMatchObject({ points: 4, expected: { type: "numeric" } });
    for (const other of after.body.interview.items.filter((item) => item.id !== numeric.id))
      expect(other.feedback, other.id).toBeNull();
    expect(JSON.stringify(after.body)).not.toContain(fixtureItem("adamw-update", "formula").answer);

    // A wrong formula: feedback with the expected one.
    const formula = fixtureItem("adamw-update", "formula");
    const wrong = await answer(id, formula.id, { expression: formula.lookalikes[0] });
    const formulaView = wrong.body.interview.items.find((item) => item.id === formula.id);
    expect(formulaView?.feedback?.points).toBe(0);
    expect(formulaView?.feedback?.expected).toEqual({ type: "formula", answer: formula.answer });
    // A missed choice whose miss asks a follow-up in an interview adds none to the lesson's list.
    const choice = fixtureItem("adam-bias-why", "choice");
    const wrongOption = choice.options.find((option) => !choice.correct.includes(option.id))?.id;
    const missed = await answer(id, choice.id, { picked: [wrongOption] });
    expect(missed.body.interview.items.find((item) => item.id === choice.id)?.feedback?.missed).toContain(
      "zero-init",
    );
    expect(missed.body.interview.items.map((item) => item.id)).toEqual(IDS);

    // Coming back: the answers are kept.
    const again = await getLesson();
    expect(again.body.checkYourself.interviewId).toBe(id);
    expect(again.body.checkYourself.items.filter((item) => item.answered !== null).map((i) => i.id)).toEqual([
      choice.id,
      numeric.id,
      formula.id,
    ]);
    // Bad input is refused like any interview answer, nothing stored.
    expect((await answer(id, "memory-order", { order: "a" })).status).toBe(400);
    expect(await app.db.interviewAnswer.count({ where: { interviewId: id } })).toBe(3);
  });

  it("never count as the running interview nor appear in the history", async () => {
    const learnerId = await createGuest(app, "check-then-interview");
    actAsGuest(app, learnerId);
    await postLesson();
    expect(((await (await current.GET()).json()) as { interview: unknown }).interview).toBeNull();
    const started = await start.POST(
      request("/api/interview", { format: "rapid", mode: "real", focus: "all" }),
    );
    expect(started.status).toBe(201);
    const list = (await (await history.GET()).json()) as { interviews: Array<{ format: string }> };
    expect(list.interviews.map((entry) => entry.format)).toEqual(["rapid"]);
  });
});
