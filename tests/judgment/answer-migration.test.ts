// Answers to the exercises of judgment were stored as JSON text in Submission.code until the
// migration 20261201000000_submission_answer gave them their own column. A database of the release
// before it, holding the rows that release wrote, is migrated with the committed SQL of this run's
// engine and then read through the app: the submission, the history, the dashboard and the export.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createEarlyResult } from "@/lib/grader/result";
import { loadJudgmentConfig } from "@/lib/judgment/config";
import { gradeJudgment } from "@/lib/judgment/grade";
import { createEmptyDatabase, testDatabaseProvider } from "../test-db";

const state = vi.hoisted(() => ({ db: null as unknown as PrismaClient }));
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));

const { getSubmission, listSubmissions, getBestVerdicts } = await import("@/lib/progress/submissions.server");
const { exportLearnerData } = await import("@/lib/progress/export.server");
const { getCatalog, getDashboard } = await import("@/lib/progress/dashboard.server");

const MIGRATION = "20261201000000_submission_answer";
const provider = testDatabaseProvider();
const folder = path.join("prisma", ...(provider === "postgresql" ? ["postgresql"] : []), "migrations");
const migrations = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const readMigration = (name: string) => readFileSync(path.join(folder, name, "migration.sql"), "utf8");

/** Runs SQL (several statements, or one with $1… parameters) on the database at `url`. */
async function run(url: string, sql: string, params?: unknown[]): Promise<void> {
  if (provider === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
    return;
  }
  const sqlite = new Database(url.replace(/^file:/, ""));
  try {
    if (params) sqlite.prepare(sql.replace(/\$\d+/g, "?")).run(...params);
    else sqlite.exec(sql);
  } finally {
    sqlite.close();
  }
}

const RIGHT = { "first-coordinate": 0.9, "second-coordinate": 0, "loss-after-step": 0.405, overshoot: -1.5 };
const WRONG = { lr: 0.001, beta1: 0.9, beta2: 0.999 };
const LEARNER = "learner-before";

let empty: { url: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  expect(migrations).toContain(MIGRATION);
  empty = await createEmptyDatabase();
  for (const name of migrations.filter((name) => name < MIGRATION)) await run(empty.url, readMigration(name));
  // The rows as the release before wrote them: a judgment answer's JSON in `code`
  // (JSON.stringify(answer), lib/judgment/submit.server.ts of that release), code in `code`.
  const grade = async (slug: string, answer: object) => {
    const config = await loadJudgmentConfig(slug);
    if (!config) throw new Error(`${slug} is not an exercise of judgment`);
    return gradeJudgment(config, answer);
  };
  const rows: Array<[string, string, string, object]> = [
    ["tune-wrong", "tune-adam-rosenbrock", JSON.stringify(WRONG), await grade("tune-adam-rosenbrock", WRONG)],
    ["predict-right", "first-step-by-hand", JSON.stringify(RIGHT), await grade("first-step-by-hand", RIGHT)],
    ["adam-code", "adam", "export function init() {}", createEarlyResult("failed", "Seeded.", 5)],
    // Code that happens to look like JSON stays code: only exercises of judgment held answers.
    ["momentum-braces", "momentum", "{}", createEarlyResult("compile-error", "Seeded.", 5)],
  ];
  await run(
    empty.url,
    `INSERT INTO "Learner" ("id", "guestToken", "createdAt", "lastSeenAt") VALUES ($1, $2, $3, $4)`,
    [LEARNER, "guest-before", "2026-11-30T10:00:00.000Z", "2026-11-30T10:00:00.000Z"],
  );
  for (const [i, [id, slug, code, result]] of rows.entries()) {
    await run(
      empty.url,
      `INSERT INTO "Submission" ("id", "learnerId", "exerciseSlug", "code", "verdict", "results", "durationMs", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        LEARNER,
        slug,
        code,
        (result as { verdict: string }).verdict,
        JSON.stringify(result),
        5,
        `2026-11-30T10:0${i}:00.000Z`,
      ],
    );
  }
  await run(empty.url, readMigration(MIGRATION));
  for (const name of migrations.filter((name) => name > MIGRATION)) await run(empty.url, readMigration(name));
  state.db = createPrismaClient(empty.url);
}, 120_000);
afterAll(async () => {
  await state.db?.$disconnect();
  await empty?.cleanup();
});

describe(`${provider}: judgment answers stored in "code" before ${MIGRATION}`, () => {
  it("are read as answers, and code stays code", async () => {
    expect(await getSubmission(LEARNER, "predict-right")).toMatchObject({
      exerciseSlug: "first-step-by-hand",
      code: null,
      answer: RIGHT,
      verdict: "passed",
      result: { verdict: "passed", status: "pass" },
    });
    expect(await getSubmission(LEARNER, "tune-wrong")).toMatchObject({
      code: null,
      answer: WRONG,
      verdict: "failed",
    });
    expect(await getSubmission(LEARNER, "adam-code")).toMatchObject({
      code: "export function init() {}",
      answer: null,
      verdict: "failed",
    });
    expect(await getSubmission(LEARNER, "momentum-braces")).toMatchObject({ code: "{}", answer: null });
  });

  it("keep their place in the history, the best verdicts and the dashboard", async () => {
    expect((await listSubmissions(LEARNER, "first-step-by-hand")).map((s) => s.id)).toEqual([
      "predict-right",
    ]);
    expect(await getBestVerdicts(LEARNER)).toEqual({
      "tune-adam-rosenbrock": "failed",
      "first-step-by-hand": "passed",
      adam: "failed",
      momentum: "compile-error",
    });
    const dashboard = await getDashboard(state.db, LEARNER, await getCatalog(), { timeZone: "UTC" });
    expect(dashboard.exercisesPassed).toBe(1);
  });

  it("are exported as JSON answers", async () => {
    const data = await exportLearnerData(state.db, LEARNER);
    expect(data?.version).toBe(2);
    const bySlug = Object.fromEntries((data?.submissions ?? []).map((s) => [s.exerciseSlug, s]));
    expect(bySlug["first-step-by-hand"]).toMatchObject({ code: null, answer: RIGHT, verdict: "passed" });
    expect(bySlug["tune-adam-rosenbrock"]).toMatchObject({ code: null, answer: WRONG });
    expect(bySlug.adam).toMatchObject({ code: "export function init() {}", answer: null });
  });
});
