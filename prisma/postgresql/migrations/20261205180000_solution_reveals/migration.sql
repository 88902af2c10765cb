-- CreateTable
CREATE TABLE "SolutionReveal" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "exerciseSlug" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL,
    "revealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SolutionReveal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SolutionReveal_learnerId_exerciseSlug_key" ON "SolutionReveal"("learnerId", "exerciseSlug");

-- AddForeignKey
ALTER TABLE "SolutionReveal" ADD CONSTRAINT "SolutionReveal_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

