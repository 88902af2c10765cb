import { describe, expect, it, vi } from "vitest";
import type { GradeRequest } from "@/lib/grader/transport";
import type { InterviewReport, InterviewView } from "@/lib/interview/view";
import { actAsGuest, createGuest, createTestApp } from "../test-app";
import { fixtureItems } from "./fixtures";

// The interview routes over a real temporary database and the real limits; the bank is the test
// bank, "who is asking" is stubbed, and the grader answers a code item without the sandbox.
const app = createTestApp({ stubLearner: true });
const grader = vi.hoisted(() => ({ requests: [] as GradeRequest[], pass: true }));
vi.mock("@/lib/interview/bank.server", async () => {
  const { buildBank } = await import("@/lib/interview/bank");
  const { fixtureItems: items } = await import("./fixtures");
  const bank = buildBank(items);
  return { getBank: () => bank };
});
vi.mock("@/lib/grading/index.server", async (importOriginal) => {
  const { createEarlyResult } = await import("@/lib/grader/result");
  return {
    ...(await importOriginal<typeof import("@/lib/grading/index.server")>()),
    isLearnerGrading: async () => false,
    gradeSubmission: async (request: GradeRequest) => {
      grader.requests.push(request);
      return createEarlyResult(grader.pass ? "passed" : "failed", "graded in the test");
    },
  };
});

const start = await import("@/app/api/interview/route");
const current = await import("@/app/api/interview/current/route");
const answerRoute = await import("@/app/api/interview/[id]/answer/route");
const finishRoute = await import("@/app/api/interview/[id]/finish/route");
const reportRoute = await import("@/app/api/interview/[id]/report/route");
const { getAppOrigins } = await import("@/lib/http/route.server");

let clientCounter = 0;
const origin = () => getAppOrigins()[0] ?? "";
function request(path: string, body?: unknown, raw?: string): Request {
  return new Request(`${origin()}${path}`, {
    method: body === undefined && raw === undefined ? "GET" : "POST",
    headers: {
      host: new URL(origin()).host,
      origin: origin(),
      "content-type": "application/json",
      "x-forwarded-for": `198.51.100.${(++clientCounter % 250) + 1}`,
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function newLearner(name: string) {
  const id = await createGuest(app, name);
  actAsGuest(app, id);
  return id;
}

async function startInterview(body: unknown = { format: "theory", mode: "real", focus: "all" }) {
  const response = await start.POST(request("/api/interview", body));
  return {
    status: response.status,
    body: (await response.json()) as { interview: InterviewView; error?: string },
  };
}

async function answer(id: string, itemId: string, value: unknown) {
  const response = await answerRoute.POST(
    request(`/api/interview/${id}/answer`, { itemId, answer: value }),
    params(id),
  );
  return {
    status: response.status,
    body: (await response.json()) as { interview: InterviewView; error?: string },
  };
}

/** An item of the interview of a type, and its bank source. */
function itemOf<T extends string>(interview: InterviewView, type: T) {
  const view = interview.items.find((item) => item.type === type);
  if (!view) throw new Error(`no ${type} item asked`);
  const source = fixtureItems.find((item) => item.id === view.id);
  return { view, source: source as Extract<(typeof fixtureItems)[number], { type: T }> };
}

/** Every string in a JSON text of the browser's answer that would give an item's answer away. */
function secretsOf(item: (typeof fixtureItems)[number]): string[] {
  switch (item.type) {
    case "explain":
      return [...item.keyPoints.flatMap((p) => [p.text, ...p.phrases]), item.modelAnswer, item.explanation];
    case "formula":
      return [item.answer, ...item.accepts, item.explanation];
    case "choice":
    case "order":
    case "numeric":
    case "code":
    case "judgment":
      return [item.explanation];
  }
}

describe("the interview routes", () => {
  it("send no expected answer, key point, order or explanation in Real mode before the end", async () => {
    await newLearner("no-leaks");
    const { status, body } = await startInterview({ format: "theory", mode: "real", focus: "all" });
    expect(status).toBe(201);
    for (const item of body.interview.items) {
      const source = fixtureItems.find((entry) => entry.id === item.id);
      if (!source) throw new Error(item.id);
      const text = JSON.stringify(item).toLowerCase();
      for (const secret of secretsOf(source))
        expect(text.includes(secret.toLowerCase()), `${item.id}: ${secret}`).toBe(false);
      expect(item.feedback).toBeNull();
      expect(JSON.stringify(item)).not.toMatch(
        /"correct"|"modelAnswer|"keyPoints"|"expected"|"lookalikes"|"accepts"/,
      );
      if (source.type === "order")
        expect(item.order?.entries.map((e) => e.id)).not.toEqual(source.items.map((e) => e.id));
    }
    // Answering one item in Real mode still reveals nothing of it.
    const choice = itemOf(body.interview, "choice");
    const after = await answer(body.interview.id, choice.view.id, { picked: [choice.source.options[0]?.id] });
    expect(after.status).toBe(200);
    const answered = after.body.interview.items.find((item) => item.id === choice.view.id);
    expect(answered?.answered).not.toBeNull();
    expect(answered?.feedback).toBeNull();
    expect(JSON.stringify(after.body)).not.toContain(choice.source.explanation);
  });

  it("give feedback after each answer in Study mode, and the expected answers once ended", async () => {
    await newLearner("study");
    const { body } = await startInterview({ format: "rapid", mode: "study", focus: "all" });
    const numeric = itemOf(body.interview, "numeric");
    const after = await answer(body.interview.id, numeric.view.id, { value: 12345 });
    const view = after.body.interview.items.find((item) => item.id === numeric.view.id);
    expect(view?.feedback).toMatchObject({ points: 0, expected: { type: "numeric" } });
    const finished = await finishRoute.POST(
      request(`/api/interview/${body.interview.id}/finish`, {}),
      params(body.interview.id),
    );
    const report = ((await finished.json()) as { report: InterviewReport }).report;
    expect(report.items.every((item) => item.feedback !== null)).toBe(true);
  });

  it("allow one running interview per learner: a second start is 409", async () => {
    await newLearner("one-active");
    const first = await startInterview();
    const second = await startInterview({ format: "rapid", mode: "study", focus: "all" });
    expect(second.status).toBe(409);
    expect(await app.db.interview.count({ where: { learnerId: app.learner.id } })).toBe(1);
    const now = await current.GET();
    expect(((await now.json()) as { interview: InterviewView }).interview.id).toBe(first.body.interview.id);
  });

  it("answer 400 to a bad body or an answer of the wrong shape, storing nothing", async () => {
    await newLearner("bad-input");
    const { body } = await startInterview({ format: "theory", mode: "real", focus: "all" });
    const id = body.interview.id;
    const choice = itemOf(body.interview, "choice");
    const order = itemOf(body.interview, "order");
    const cases: Array<[string, unknown]> = [
      [choice.view.id, { picked: "zero-init" }],
      [choice.view.id, { value: 1 }],
      [choice.view.id, { picked: ["not-an-option"] }],
      [order.view.id, { order: ["only-one"] }],
      [choice.view.id, { picked: Array.from({ length: 50 }, (_, i) => `o${i}`) }],
    ];
    for (const [itemId, value] of cases)
      expect((await answer(id, itemId, value)).status, JSON.stringify(value)).toBe(400);
    const raw = await answerRoute.POST(
      request(`/api/interview/${id}/answer`, undefined, "{not json"),
      params(id),
    );
    expect(raw.status).toBe(400);
    const extra = await answerRoute.POST(
      request(`/api/interview/${id}/answer`, { itemId: choice.view.id, answer: {}, more: 1 }),
      params(id),
    );
    expect(extra.status).toBe(400);
    expect(
      (await start.POST(request("/api/interview", { format: "marathon", mode: "real", focus: "all" })))
        .status,
    ).toBe(400);
    expect(await app.db.interviewAnswer.count({ where: { interviewId: id } })).toBe(0);
    // An item the interview does not ask: 404; an item answered twice: 409.
    expect((await answer(id, "no-such-item", { picked: [] })).status).toBe(404);
    expect((await answer(id, choice.view.id, { picked: [choice.source.correct[0]] })).status).toBe(200);
    expect((await answer(id, choice.view.id, { picked: [choice.source.correct[0]] })).status).toBe(409);
  });

  it("keep to the server's deadline: an answer after it scores 0 and ends the interview", async () => {
    const learnerId = await newLearner("deadline");
    const { body } = await startInterview({ format: "rapid", mode: "real", focus: "all" });
    const id = body.interview.id;
    const minutes = (Date.parse(body.interview.deadline) - Date.parse(body.interview.startedAt)) / 60_000;
    expect(minutes).toBe(15);
    const numeric = itemOf(body.interview, "numeric");
    await app.db.interview.update({ where: { id }, data: { deadline: new Date(Date.now() - 1000) } });
    // The right answer, too late.
    const { computeExpected } = await import("@/lib/interview/compute");
    const late = await answer(id, numeric.view.id, { value: computeExpected(numeric.source.compute) });
    expect(late.status).toBe(200);
    expect(late.body.interview.finishedAt).not.toBeNull();
    const row = await app.db.interviewAnswer.findFirstOrThrow({ where: { interviewId: id } });
    expect(row.score).toBe(0);
    const report = await reportRoute.GET(request(`/api/interview/${id}/report`), params(id));
    const data = ((await report.json()) as { report: InterviewReport }).report;
    expect(data.score).toBe(0);
    expect(data.readiness).toBe("not-yet");
    // The missed items' cards are at the front of the drill now.
    expect(data.queuedCards.length).toBeGreaterThan(0);
    const due = await app.db.cardState.findMany({ where: { learnerId, origin: "mistake" } });
    expect(due.map((card) => card.cardId)).toEqual(
      expect.arrayContaining(data.queuedCards.map((card) => card.id)),
    );
    // And a new interview may start.
    expect((await startInterview()).status).toBe(201);
  });

  it("end an interview whose deadline passed on the next read, scoring the unanswered items 0", async () => {
    await newLearner("expiry");
    const { body } = await startInterview({ format: "theory", mode: "real", focus: "all" });
    const id = body.interview.id;
    const choice = itemOf(body.interview, "choice");
    await answer(id, choice.view.id, { picked: choice.source.correct.slice(0, 1) });
    await app.db.interview.update({ where: { id }, data: { deadline: new Date(Date.now() - 1000) } });
    const now = await current.GET();
    expect(((await now.json()) as { interview: InterviewView | null }).interview).toBeNull();
    const row = await app.db.interview.findUniqueOrThrow({ where: { id } });
    expect(row.finishedAt?.getTime()).toBe(row.deadline.getTime());
    const items = (JSON.parse(row.items) as string[]).length;
    const points = choice.source.correct.length === 1 ? 4 : 4 / choice.source.correct.length;
    expect(row.score).toBe(Math.round((points / items / 4) * 100));
  });

  it("take an explain answer as text, then the learner's marks", async () => {
    await newLearner("explain");
    const { body } = await startInterview({ format: "theory", mode: "real", focus: "adam" });
    const explain = body.interview.items.find((item) => item.type === "explain");
    if (!explain) throw new Error("the theory round on adam asks its explain item");
    const id = body.interview.id;
    const text = await answer(id, explain.id, { text: "Both averages start at zero." });
    const marking = text.body.interview.items.find((item) => item.id === explain.id);
    expect(marking?.answered).toMatchObject({ marking: true, suggested: ["zero-init"] });
    expect(marking?.feedback).toBeNull();
    const marked = await answer(id, explain.id, { text: "ignored", covered: ["zero-init", "divide"] });
    expect(marked.status).toBe(200);
    const row = await app.db.interviewAnswer.findFirstOrThrow({
      where: { interviewId: id, itemId: explain.id },
    });
    expect(row.score).toBeCloseTo(2.67);
  });

  it("grade a code item through the grading queue in the learner's language; a pass unlocks the follow-up exercise", async () => {
    const learnerId = await newLearner("code");
    await app.db.learner.update({ where: { id: learnerId }, data: { language: "python" } });
    const { body } = await startInterview({ format: "implementation", mode: "study", focus: "all" });
    const code = itemOf(body.interview, "code");
    grader.requests.length = 0;
    const graded = await answer(body.interview.id, code.view.id, { code: "def init(): pass" });
    expect(graded.status).toBe(200);
    expect(grader.requests).toMatchObject([
      { exercise: code.source.exercise, language: "python", learner: learnerId },
    ]);
    const ids = graded.body.interview.items.map((item) => item.id);
    expect(ids[ids.indexOf(code.view.id) + 1]).toBe(`${code.view.id}--then-${code.source.followUpExercise}`);
    expect(graded.body.interview.items.find((item) => item.id === code.view.id)?.feedback?.points).toBe(4);
  });

  it("grade no code sent after the deadline: it scores 0", async () => {
    await newLearner("code-late");
    const { body } = await startInterview({ format: "implementation", mode: "real", focus: "all" });
    const code = itemOf(body.interview, "code");
    await app.db.interview.update({
      where: { id: body.interview.id },
      data: { deadline: new Date(Date.now() - 1) },
    });
    grader.requests.length = 0;
    const late = await answer(body.interview.id, code.view.id, { code: "export function init() {}" });
    expect(late.status).toBe(200);
    expect(grader.requests).toEqual([]);
    expect(late.body.interview.finishedAt).not.toBeNull();
    expect(late.body.interview.items.find((item) => item.id === code.view.id)?.feedback?.points).toBe(0);
  });

  it("add the follow-up of what was missed", async () => {
    await newLearner("follow-up");
    for (let attempt = 0; attempt < 20; attempt++) {
      const { body } = await startInterview({ format: "rapid", mode: "real", focus: "adam" });
      const id = body.interview.id;
      const asked = body.interview.items.some((item) => item.id === "adam-bias-why");
      if (asked && !body.interview.items.some((item) => item.id === "adam-bias-explain")) {
        const after = await answer(id, "adam-bias-why", { picked: ["noise"] });
        const ids = after.body.interview.items.map((item) => item.id);
        expect(ids[ids.indexOf("adam-bias-why") + 1]).toBe("adam-bias-explain");
        return;
      }
      await finishRoute.POST(request(`/api/interview/${id}/finish`, {}), params(id));
    }
    throw new Error("no interview asked adam-bias-why without its follow-up");
  });
});
