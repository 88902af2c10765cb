-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "focus" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "items" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "score" INTEGER,
    "readiness" TEXT,
    "queuedCards" TEXT,
    CONSTRAINT "Interview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterviewAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interviewId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "detail" TEXT NOT NULL,
    "timeUsedMs" INTEGER NOT NULL,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InterviewAnswer_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Interview_learnerId_startedAt_idx" ON "Interview"("learnerId", "startedAt");

-- CreateIndex
CREATE INDEX "Interview_learnerId_finishedAt_idx" ON "Interview"("learnerId", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewAnswer_interviewId_itemId_key" ON "InterviewAnswer"("interviewId", "itemId");

