-- AlterTable
ALTER TABLE "Learner" ADD COLUMN "desiredRetention" REAL;
ALTER TABLE "Learner" ADD COLUMN "newCardsPerDay" INTEGER;

-- CreateTable
CREATE TABLE "OwnCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "frontHtml" TEXT NOT NULL,
    "backHtml" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OwnCard_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CardState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "origin" TEXT NOT NULL DEFAULT 'deck',
    "version" INTEGER NOT NULL DEFAULT 0,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "buriedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardState_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CardState" ("cardId", "createdAt", "difficulty", "due", "elapsedDays", "id", "lapses", "lastReview", "learnerId", "learningSteps", "origin", "reps", "scheduledDays", "stability", "state", "updatedAt", "version") SELECT "cardId", "createdAt", "difficulty", "due", "elapsedDays", "id", "lapses", "lastReview", "learnerId", "learningSteps", "origin", "reps", "scheduledDays", "stability", "state", "updatedAt", "version" FROM "CardState";
DROP TABLE "CardState";
ALTER TABLE "new_CardState" RENAME TO "CardState";
CREATE INDEX "CardState_learnerId_due_idx" ON "CardState"("learnerId", "due");
CREATE UNIQUE INDEX "CardState_learnerId_cardId_key" ON "CardState"("learnerId", "cardId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OwnCard_learnerId_createdAt_idx" ON "OwnCard"("learnerId", "createdAt");

