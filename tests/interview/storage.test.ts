import { describe, expect, it } from "vitest";
import { makeGuestToken, seedUser } from "../accounts/test-db";
import { createTestApp } from "../test-app";

// Interviews belong to the learner: exported with the account, moved by a guest merge (one running
// interview at most), and deleted with the learner.
const app = createTestApp();
const { exportLearnerData } = await import("@/lib/progress/export.server");
const { mergeGuestIntoUser } = await import("@/lib/progress/merge.server");

async function seedInterview(learnerId: string, finished: boolean) {
  return app.db.interview.create({
    data: {
      learnerId,
      format: "rapid",
      mode: "real",
      focus: "all",
      seed: 7,
      items: JSON.stringify(["a", "b"]),
      deadline: new Date(Date.now() + 60_000),
      finishedAt: finished ? new Date() : null,
      score: finished ? 50 : null,
      readiness: finished ? "almost" : null,
      answers: {
        create: [
          {
            itemId: "a",
            answer: JSON.stringify({ picked: ["x"] }),
            score: 4,
            detail: JSON.stringify({ note: "ok", missed: [] }),
            timeUsedMs: 1000,
          },
        ],
      },
    },
  });
}

describe("interviews in the learner's data", () => {
  it("are in the export, with their answers as JSON", async () => {
    const learner = await app.db.learner.create({ data: { guestToken: makeGuestToken("export-iv") } });
    await seedInterview(learner.id, true);
    const data = await exportLearnerData(app.db, learner.id);
    expect(data?.interviews).toMatchObject([
      {
        format: "rapid",
        items: ["a", "b"],
        score: 50,
        answers: [{ itemId: "a", answer: { picked: ["x"] }, score: 4 }],
      },
    ]);
  });

  it("move into the account at sign-in; the guest's running one ends when the account has one running", async () => {
    const user = await seedUser(app.db, "interviews@example.com");
    const account = await app.db.learner.create({ data: { userId: user.id } });
    const accountRunning = await seedInterview(account.id, false);
    const token = makeGuestToken("merge-iv");
    const guest = await app.db.learner.create({ data: { guestToken: token } });
    const guestRunning = await seedInterview(guest.id, false);
    const guestDone = await seedInterview(guest.id, true);

    await mergeGuestIntoUser(app.db, token, user.id);

    const rows = await app.db.interview.findMany({ where: { learnerId: account.id } });
    expect(rows.map((row) => row.id).sort()).toEqual(
      [accountRunning.id, guestRunning.id, guestDone.id].sort(),
    );
    expect(rows.filter((row) => row.finishedAt === null).map((row) => row.id)).toEqual([accountRunning.id]);
    expect(await app.db.interviewAnswer.count({ where: { interviewId: guestDone.id } })).toBe(1);
  });

  it("go with the learner", async () => {
    const learner = await app.db.learner.create({ data: { guestToken: makeGuestToken("delete-iv") } });
    const interview = await seedInterview(learner.id, true);
    await app.db.learner.delete({ where: { id: learner.id } });
    expect(await app.db.interview.count({ where: { id: interview.id } })).toBe(0);
    expect(await app.db.interviewAnswer.count({ where: { interviewId: interview.id } })).toBe(0);
  });
});
