-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "exerciseSlug" TEXT NOT NULL,
    "code" TEXT,
    "answer" TEXT,
    "verdict" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Submission_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Submission" ("code", "createdAt", "durationMs", "exerciseSlug", "id", "learnerId", "results", "verdict") SELECT "code", "createdAt", "durationMs", "exerciseSlug", "id", "learnerId", "results", "verdict" FROM "Submission";
DROP TABLE "Submission";
ALTER TABLE "new_Submission" RENAME TO "Submission";
CREATE INDEX "Submission_learnerId_exerciseSlug_createdAt_idx" ON "Submission"("learnerId", "exerciseSlug", "createdAt");
CREATE INDEX "Submission_learnerId_createdAt_idx" ON "Submission"("learnerId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Answers to the exercises of judgment (tune, diagnose, predict) were stored as JSON in "code"
-- until now: they move to "answer", and "code" is left to code. The four slugs are every exercise
-- of judgment the course has had, and their rows are JSON objects (the LIKE checks that too).
-- (No semicolon in these comments: Prisma splits a PostgreSQL migration on them.)
UPDATE "Submission" SET "answer" = "code", "code" = NULL
WHERE "exerciseSlug" IN ('first-step-by-hand', 'large-batch-numbers', 'read-the-loss-curve', 'tune-adam-rosenbrock')
  AND "code" LIKE '{%';
