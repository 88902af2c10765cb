// Cards that said the same thing were merged (content/cards): each retired card id maps to the
// card that kept its content, and the data migration 20261205150000_merge_duplicate_cards (one per
// engine) moves learners' review history to it. This checks the mapping against the deck, and runs
// this engine's migration on a database holding every case: a learner
// who studied only the retired card, both cards (either one rated last, equal dates), or two
// retired cards that merged into the same one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCardIdsForMistake, getDeck } from "@/lib/cards/deck";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createEmptyDatabase, testDatabaseProvider } from "../test-db";

const MIGRATION = "20261205150000_merge_duplicate_cards";
const MERGED: Record<string, string> = {
  "adafactor-factored-memory": "adafactor-memory",
  "reshuffle-every-epoch": "epoch-shuffling",
  "lamb-trust-ratio-per-layer": "lamb-trust-ratio",
  "large-batch-optimizers": "lamb-trust-ratio",
  "loss-curve-early-spike": "why-warmup",
  "swa-vs-ema": "weight-averaging",
  "eps-does-not-cap-step": "adam-step-bound",
};

const migrationFolder = (engine: "sqlite" | "postgresql") =>
  path.join("prisma", ...(engine === "postgresql" ? ["postgresql"] : []), "migrations");
const readMigration = (engine: "sqlite" | "postgresql", name: string) =>
  readFileSync(path.join(migrationFolder(engine), name, "migration.sql"), "utf8");

/** The retired → kept pairs a migration applies, read from its ReviewLog statements. */
function mappingOf(sql: string): Record<string, string> {
  const pairs = [
    ...sql.matchAll(/UPDATE "ReviewLog" SET "cardId" = '([a-z0-9-]+)' WHERE "cardId" = '([a-z0-9-]+)';/g),
  ];
  return Object.fromEntries(pairs.map(([, kept, old]) => [old as string, kept as string]));
}

describe("the merged cards", () => {
  it("both engines' migrations apply the same mapping: every retired id is gone from the deck, every kept id is in it", () => {
    expect(mappingOf(readMigration("sqlite", MIGRATION))).toEqual(MERGED);
    expect(mappingOf(readMigration("postgresql", MIGRATION))).toEqual(MERGED);
    // The Prisma CLI's PostgreSQL adapter splits a script at every semicolon, comments included.
    for (const engine of ["sqlite", "postgresql"] as const)
      for (const line of readMigration(engine, MIGRATION).split("\n"))
        if (line.startsWith("--")) expect(line).not.toMatch(/[;']/);
    const ids = new Set(getDeck().map((card) => card.id));
    for (const [old, kept] of Object.entries(MERGED)) {
      expect(ids.has(old), old).toBe(false);
      expect(ids.has(kept), kept).toBe(true);
    }
  });

  it("the kept cards teach the mistakes the retired ones taught", () => {
    expect(getCardIdsForMistake("adafactor-unfactored")).toContain("adafactor-memory");
    expect(getCardIdsForMistake("epoch-not-reshuffled")).toContain("epoch-shuffling");
    expect(getCardIdsForMistake("lamb-global-trust-ratio")).toContain("lamb-trust-ratio");
  });
});

const provider = testDatabaseProvider();
const migrations = readdirSync(migrationFolder(provider), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Runs several SQL statements on the database at `url`. */
async function run(url: string, sql: string): Promise<void> {
  if (provider === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const sqlite = new Database(url.replace(/^file:/, ""));
  try {
    sqlite.exec(sql);
  } finally {
    sqlite.close();
  }
}

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));
type Seed = { cardId: string; reps: number; lastReview: Date | null; version: number; logs: number };

// Each learner's card states before the migration, and what must be left afterwards.
const CASES: Record<string, { seeds: Seed[]; left: Array<Pick<Seed, "cardId" | "reps">>; version?: number }> =
  {
    "only the retired card": {
      seeds: [{ cardId: "swa-vs-ema", reps: 3, lastReview: day(10), version: 3, logs: 3 }],
      left: [{ cardId: "weight-averaging", reps: 3 }],
      version: 4,
    },
    "both, the retired one rated last": {
      seeds: [
        { cardId: "eps-does-not-cap-step", reps: 2, lastReview: day(20), version: 2, logs: 2 },
        { cardId: "adam-step-bound", reps: 5, lastReview: day(10), version: 7, logs: 5 },
      ],
      left: [{ cardId: "adam-step-bound", reps: 2 }],
      version: 8,
    },
    "both, the kept one rated last": {
      seeds: [
        { cardId: "loss-curve-early-spike", reps: 4, lastReview: day(5), version: 4, logs: 4 },
        { cardId: "why-warmup", reps: 1, lastReview: day(6), version: 1, logs: 1 },
      ],
      left: [{ cardId: "why-warmup", reps: 1 }],
      version: 1,
    },
    "both rated at the same time: more reviews win": {
      seeds: [
        { cardId: "reshuffle-every-epoch", reps: 6, lastReview: day(7), version: 6, logs: 6 },
        { cardId: "epoch-shuffling", reps: 2, lastReview: day(7), version: 2, logs: 2 },
      ],
      left: [{ cardId: "epoch-shuffling", reps: 6 }],
      version: 7,
    },
    "both queued, never rated: the kept card's state": {
      seeds: [
        { cardId: "adafactor-factored-memory", reps: 0, lastReview: null, version: 0, logs: 0 },
        { cardId: "adafactor-memory", reps: 0, lastReview: null, version: 0, logs: 0 },
      ],
      left: [{ cardId: "adafactor-memory", reps: 0 }],
      version: 0,
    },
    "two retired cards merged into one, and the kept card": {
      seeds: [
        { cardId: "lamb-trust-ratio-per-layer", reps: 1, lastReview: day(3), version: 1, logs: 1 },
        { cardId: "large-batch-optimizers", reps: 2, lastReview: day(9), version: 9, logs: 2 },
        { cardId: "lamb-trust-ratio", reps: 3, lastReview: day(8), version: 3, logs: 3 },
      ],
      left: [{ cardId: "lamb-trust-ratio", reps: 2 }],
    },
    "an unmerged card is left alone": {
      seeds: [{ cardId: "adam-update", reps: 2, lastReview: day(4), version: 2, logs: 2 }],
      left: [{ cardId: "adam-update", reps: 2 }],
      version: 2,
    },
  };

describe(`${provider}: the migration moves learners' history to the kept cards`, () => {
  let empty: { url: string; cleanup: () => Promise<void> };
  let db: PrismaClient;
  const learners: Record<string, string> = {};
  let logsBefore = 0;

  beforeAll(async () => {
    expect(migrations).toContain(MIGRATION);
    empty = await createEmptyDatabase();
    // The rows are written by the Prisma client of this run, so that they are stored exactly as the
    // app stores them (dates included), which needs every column of today's models: the schema
    // migrations committed after this one run first. This migration only re-keys card rows.
    for (const name of migrations.filter((name) => name !== MIGRATION))
      await run(empty.url, readMigration(provider, name));
    const seeding = createPrismaClient(empty.url);
    try {
      let request = 0;
      for (const [label, { seeds }] of Object.entries(CASES)) {
        const learner = await seeding.learner.create({ data: { guestToken: label } });
        learners[label] = learner.id;
        for (const seed of seeds) {
          await seeding.cardState.create({
            data: {
              learnerId: learner.id,
              cardId: seed.cardId,
              due: day(28),
              stability: seed.reps,
              difficulty: 5,
              elapsedDays: 1,
              scheduledDays: 1,
              reps: seed.reps,
              lapses: 0,
              state: seed.reps === 0 ? 0 : 2,
              lastReview: seed.lastReview,
              origin: seed.reps === 0 ? "mistake" : "deck",
              version: seed.version,
            },
          });
          for (let i = 0; i < seed.logs; i++) {
            request += 1;
            await seeding.reviewLog.create({
              data: {
                learnerId: learner.id,
                cardId: seed.cardId,
                requestId: `request-${request}`,
                rating: 3,
                state: 2,
                due: day(28),
                stability: 1,
                difficulty: 5,
                elapsedDays: 1,
                lastElapsedDays: 1,
                scheduledDays: 1,
                review: new Date((seed.lastReview ?? day(1)).getTime() - i * 3_600_000),
              },
            });
          }
        }
      }
      logsBefore = await seeding.reviewLog.count();
    } finally {
      await seeding.$disconnect();
    }
    await run(empty.url, readMigration(provider, MIGRATION));
    db = createPrismaClient(empty.url);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await empty?.cleanup();
  });

  it("keeps every review log, each under a card of the deck", async () => {
    const logs = await db.reviewLog.findMany({ select: { cardId: true } });
    expect(logs).toHaveLength(logsBefore);
    const ids = new Set(getDeck().map((card) => card.id));
    for (const log of logs) expect(ids.has(log.cardId), log.cardId).toBe(true);
    const byCard = (cardId: string) => logs.filter((log) => log.cardId === cardId).length;
    expect(byCard("weight-averaging")).toBe(3);
    expect(byCard("adam-step-bound")).toBe(7);
    expect(byCard("lamb-trust-ratio")).toBe(6);
  });

  it.each(Object.keys(CASES))("%s", async (label) => {
    const expected = CASES[label];
    if (!expected) throw new Error(label);
    const states = await db.cardState.findMany({
      where: { learnerId: learners[label] },
      select: { cardId: true, reps: true, version: true },
    });
    expect(states.map(({ cardId, reps }) => ({ cardId, reps }))).toEqual(expected.left);
    if (expected.version !== undefined) expect(states[0]?.version).toBe(expected.version);
  });

  it("raises a moved state's version above every version either card had", async () => {
    const [state] = await db.cardState.findMany({
      where: { learnerId: learners["two retired cards merged into one, and the kept card"] },
    });
    expect(state?.version).toBeGreaterThan(9);
  });
});
