import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { CHECK_YOURSELF_FORMAT } from "@/lib/interview/formats";
import { getInterview } from "@/lib/interview/interviews.server";
import styles from "../interview.module.css";
import { InterviewRunner } from "../interview-runner";

export const metadata: Metadata = { title: "Interview" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The interview in progress (its report once it ended). */
export default async function InterviewRunPage({ params }: Props) {
  const { id } = await params;
  const learner = await getCurrentLearner();
  const interview = learner.stored ? await getInterview(learner.id, id) : null;
  if (!interview) notFound();
  // A lesson's check-yourself questions are answered on the lesson page, without a clock.
  if (interview.format === CHECK_YOURSELF_FORMAT) redirect(`/learn/${interview.focus}#check-yourself`);
  if (interview.finishedAt) redirect(`/interview/${id}/report`);
  return (
    <div className={`container ${styles.page}`}>
      <InterviewRunner initial={interview} />
    </div>
  );
}
