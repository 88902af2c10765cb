-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "answer" TEXT,
ALTER COLUMN "code" DROP NOT NULL;


-- Answers to the exercises of judgment (tune, diagnose, predict) were stored as JSON in "code"
-- until now: they move to "answer", and "code" is left to code. The four slugs are every exercise
-- of judgment the course has had, and their rows are JSON objects (the LIKE checks that too).
-- (No semicolon in these comments: Prisma splits a PostgreSQL migration on them.)
UPDATE "Submission" SET "answer" = "code", "code" = NULL
WHERE "exerciseSlug" IN ('first-step-by-hand', 'large-batch-numbers', 'read-the-loss-curve', 'tune-adam-rosenbrock')
  AND "code" LIKE '{%';
