-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "focus" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "items" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "score" INTEGER,
    "readiness" TEXT,
    "queuedCards" TEXT,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewAnswer" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "detail" TEXT NOT NULL,
    "timeUsedMs" INTEGER NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Interview_learnerId_startedAt_idx" ON "Interview"("learnerId", "startedAt");

-- CreateIndex
CREATE INDEX "Interview_learnerId_finishedAt_idx" ON "Interview"("learnerId", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewAnswer_interviewId_itemId_key" ON "InterviewAnswer"("interviewId", "itemId");

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewAnswer" ADD CONSTRAINT "InterviewAnswer_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

