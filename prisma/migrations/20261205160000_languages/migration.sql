-- AlterTable
ALTER TABLE "Learner" ADD COLUMN "language" TEXT;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "language" TEXT;


-- Code stored before Python existed is TypeScript (judgment answers keep null)
UPDATE "Submission" SET "language" = 'typescript' WHERE "code" IS NOT NULL
