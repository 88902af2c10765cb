-- CreateTable
CREATE TABLE "FsrsFit" (
    "learnerId" TEXT NOT NULL,
    "parameters" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL,
    "logLoss" DOUBLE PRECISION NOT NULL,
    "defaultLogLoss" DOUBLE PRECISION NOT NULL,
    "effect" TEXT,
    "fittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FsrsFit_pkey" PRIMARY KEY ("learnerId")
);

-- AddForeignKey
ALTER TABLE "FsrsFit" ADD CONSTRAINT "FsrsFit_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

