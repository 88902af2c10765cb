// bench:cards: how long building the drill queue takes for a heavy learner (500 cards with state,
// 10,000 review logs, 100 cards of their own, 6 lessons read, every exercise passed and half of
// them due for a recall), against a real SQLite database.
// Target: median < 50 ms.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";

const CARDS = 500;
const OWN_CARDS = 100;
const LOGS = 10_000;
const RUNS = 50;

const dir = mkdtempSync(path.join(tmpdir(), "descent-bench-cards-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;
const sqlite = new Database(file);
const migrations = path.resolve("prisma/migrations");
for (const entry of readdirSync(migrations, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  sqlite.exec(readFileSync(path.join(migrations, entry.name, "migration.sql"), "utf8"));
}
sqlite.close();

// Imported after DATABASE_URL points at the bench database.
const { createPrismaClient } = await import("@/lib/db/client");
const { getDueExerciseItems, getQueue } = await import("@/lib/progress/reviews.server");
const { listExerciseSlugs } = await import("@/lib/content/registry");
const { exerciseItemId, EXERCISE_ITEM_ORIGIN } = await import("@/lib/cards/exercise-items");
const db = createPrismaClient(`file:${file}`);

const now = new Date();
const day = 86_400_000;
const deck = Array.from({ length: CARDS + 100 }, (_, i) => ({
  id: `bench-card-${i}`,
  topic: `topic-${i % 12}`,
  lesson: `lesson-${Math.floor(i / 50)}`,
  kind: "question" as const,
  front: `Question ${i}`,
  back: `Answer ${i}`,
  frontHtml: `Question ${i}`,
  backHtml: `Answer ${i}`,
}));
const learner = await db.learner.create({ data: {} });
await db.ownCard.createMany({
  data: Array.from({ length: OWN_CARDS }, (_, i) => ({
    learnerId: learner.id,
    topic: "own",
    front: `My question ${i} about $\\beta_1$`,
    back: `My answer ${i}`,
    frontHtml: `<p>My question ${i}</p>`,
    backHtml: `<p>My answer ${i}</p>`,
  })),
});
await db.lessonRead.createMany({
  data: Array.from({ length: 6 }, (_, i) => ({ learnerId: learner.id, lessonSlug: `lesson-${i * 2}` })),
});
await db.cardState.createMany({
  data: Array.from({ length: CARDS }, (_, i) => ({
    learnerId: learner.id,
    cardId: `bench-card-${i}`,
    due: new Date(now.getTime() + ((i % 40) - 10) * day),
    stability: 5,
    difficulty: 5,
    elapsedDays: 3,
    scheduledDays: 5,
    reps: 4,
    lapses: 0,
    state: 2,
    lastReview: new Date(now.getTime() - 3 * day),
  })),
});
const exercises = listExerciseSlugs();
await db.cardState.createMany({
  data: exercises.map((slug, i) => ({
    learnerId: learner.id,
    cardId: exerciseItemId(slug),
    origin: EXERCISE_ITEM_ORIGIN,
    due: new Date(now.getTime() + (i % 2 === 0 ? -1 : 1) * day),
    stability: 5,
    difficulty: 5,
    elapsedDays: 3,
    scheduledDays: 5,
    reps: 1,
    lapses: 0,
    state: 2,
    lastReview: new Date(now.getTime() - 4 * day),
  })),
});
for (let start = 0; start < LOGS; start += 1000) {
  await db.reviewLog.createMany({
    data: Array.from({ length: 1000 }, (_, k) => {
      const i = start + k;
      return {
        learnerId: learner.id,
        cardId: `bench-card-${i % CARDS}`,
        requestId: `bench-${i}`,
        rating: 1 + (i % 4),
        state: i % 7 === 0 ? 0 : 2,
        due: now,
        stability: 5,
        difficulty: 5,
        elapsedDays: 3,
        lastElapsedDays: 2,
        scheduledDays: 5,
        review: new Date(now.getTime() - (i % 140) * day - (i % 1000) * 1000),
      };
    }),
  });
}

const timings: number[] = [];
let length = 0;
let exercisesDue = 0;
for (let run = 0; run < RUNS + 5; run++) {
  const started = performance.now();
  // The drill's queue: its cards, then the exercises due for a recall (getDrillState reads both).
  const queue = await getQueue(learner.id, { deck, now, timeZone: "America/Los_Angeles" }, db);
  const due = await getDueExerciseItems(learner.id, now, db);
  const elapsed = performance.now() - started;
  if (run >= 5) timings.push(elapsed); // the first runs warm up the connection and JIT
  length = queue.length;
  exercisesDue = due.length;
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? Number.NaN;
const p95 = timings[Math.floor(timings.length * 0.95)] ?? Number.NaN;
console.log(
  `queue for ${CARDS} cards with state, ${OWN_CARDS} own cards, ${LOGS} review logs, ${exercises.length} exercises passed: ${length} cards queued, ${exercisesDue} exercises due`,
);
console.log(`median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${RUNS} runs (target < 50 ms)`);
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
if (!(median < 50)) process.exitCode = 1;
