-- CreateTable
CREATE TABLE "SolutionReveal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "exerciseSlug" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL,
    "revealedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SolutionReveal_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SolutionReveal_learnerId_exerciseSlug_key" ON "SolutionReveal"("learnerId", "exerciseSlug");

