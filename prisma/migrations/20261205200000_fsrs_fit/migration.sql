-- CreateTable
CREATE TABLE "FsrsFit" (
    "learnerId" TEXT NOT NULL PRIMARY KEY,
    "parameters" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL,
    "logLoss" REAL NOT NULL,
    "defaultLogLoss" REAL NOT NULL,
    "effect" TEXT,
    "fittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FsrsFit_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

