import "server-only";
import { prisma } from "@/lib/db/prisma.server";
import { DomainError } from "@/lib/domain-error";
import { decideSolutionAccess, type SolutionAccess } from "./solution-access";

/** Asked for the reference solution before it may be had: no pass and too few failed submissions. */
export class SolutionLockedError extends DomainError {
  constructor(access: SolutionAccess) {
    super(
      "conflict",
      `The reference solution opens after a pass, or on request after ${access.needed} failed submissions (you have ${access.failedAttempts}).`,
      { access },
    );
  }
}

/**
 * What a learner may see of an exercise's reference solution, from their stored submissions (a
 * pass; the count of those that did not pass) and an earlier request. A learner not stored yet
 * (null) has none of them.
 */
export async function getSolutionAccess(
  learnerId: string | null,
  exerciseSlug: string,
): Promise<SolutionAccess> {
  if (learnerId === null) return decideSolutionAccess({ passed: false, failedAttempts: 0, revealed: false });
  const [passed, failedAttempts, reveal] = await Promise.all([
    prisma.submission.count({ where: { learnerId, exerciseSlug, verdict: "passed" } }),
    prisma.submission.count({ where: { learnerId, exerciseSlug, verdict: { not: "passed" } } }),
    prisma.solutionReveal.findUnique({
      where: { learnerId_exerciseSlug: { learnerId, exerciseSlug } },
      select: { id: true },
    }),
  ]);
  return decideSolutionAccess({ passed: passed > 0, failedAttempts, revealed: reveal !== null });
}

/**
 * The learner asks for the reference solution: recorded once (with their failed attempts) when it
 * is "available"; nothing to record when it is open already. Throws SolutionLockedError when locked.
 */
export async function revealSolution(
  learnerId: string | null,
  exerciseSlug: string,
): Promise<SolutionAccess> {
  const access = await getSolutionAccess(learnerId, exerciseSlug);
  if (access.state === "locked" || learnerId === null) throw new SolutionLockedError(access);
  if (access.state !== "available") return access;
  // A second tab asking at the same moment finds the row made by the first: one row either way.
  await prisma.solutionReveal.upsert({
    where: { learnerId_exerciseSlug: { learnerId, exerciseSlug } },
    create: { learnerId, exerciseSlug, failedAttempts: access.failedAttempts },
    update: {},
  });
  return { ...access, state: "revealed" };
}
