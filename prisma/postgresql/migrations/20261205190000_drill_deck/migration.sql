-- AlterTable
ALTER TABLE "CardState" ADD COLUMN     "buriedUntil" TIMESTAMP(3),
ADD COLUMN     "suspended" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "desiredRetention" DOUBLE PRECISION,
ADD COLUMN     "newCardsPerDay" INTEGER;

-- CreateTable
CREATE TABLE "OwnCard" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "frontHtml" TEXT NOT NULL,
    "backHtml" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OwnCard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OwnCard_learnerId_createdAt_idx" ON "OwnCard"("learnerId", "createdAt");

-- AddForeignKey
ALTER TABLE "OwnCard" ADD CONSTRAINT "OwnCard_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

