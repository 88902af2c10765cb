import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HighlightedCode } from "@/app/components/editor/highlighted-code";
import { MdxContent } from "@/app/components/mdx/mdx-content";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { type ExerciseSlug, loadExerciseDefinition } from "@/lib/content/registry";
import { getAfterPass } from "@/lib/exercises/after-pass.server";
import { findCodedExercise, getReferenceSolution } from "@/lib/exercises/reference-solution.server";
import { isSolutionOpen } from "@/lib/exercises/solution-access";
import { getSolutionAccess } from "@/lib/exercises/solution-reveals.server";
import { isLanguage, type Language } from "@/lib/harness/languages";
import { getLearnerLanguage } from "@/lib/progress/language.server";
import { LANGUAGE_NAMES } from "../workbench/language";
import { NextLinks } from "../workbench/next-links";
import { RevealButton } from "./reveal-button";
import styles from "./solution.module.css";

// Per learner: whether the solution is open depends on their submissions and requests.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ language?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = await findCodedExercise((await params).slug);
  if (!slug) return {};
  return {
    title: `Reference solution: ${(await loadExerciseDefinition(slug)).title}`,
    robots: { index: false },
  };
}

/**
 * An exercise's reference solution and write-up: open after a pass, or after the learner asked for it
 * once they had enough failed submissions (the request is recorded); otherwise the rule, and the
 * button to ask when it applies. The solution is in the learner's language (?language=, else the one
 * they chose for coded exercises, else TypeScript).
 */
export default async function SolutionPage({ params, searchParams }: Props) {
  const slug = await findCodedExercise((await params).slug);
  if (!slug) notFound();
  const [definition, learner, afterPass, query] = await Promise.all([
    loadExerciseDefinition(slug),
    getCurrentLearner(),
    getAfterPass(slug),
    searchParams,
  ]);
  const learnerId = learner.stored ? learner.id : null;
  const access = await getSolutionAccess(learnerId, slug);
  const asked = typeof query.language === "string" && isLanguage(query.language) ? query.language : null;
  const language: Language =
    asked ?? (learnerId ? await getLearnerLanguage(learnerId) : null) ?? "typescript";

  return (
    <div className={`container ${styles.page}`}>
      <p className="muted">
        <a href="/exercises">Exercises</a> · <a href={`/exercises/${slug}`}>{definition.title}</a>
      </p>
      <h1>Reference solution: {definition.title}</h1>
      {isSolutionOpen(access) ? (
        <OpenSolution slug={slug} language={language} passed={access.state === "passed"} />
      ) : (
        <section className={styles.locked} aria-label="Not open yet" data-testid="solution-locked">
          <p>
            The reference solution and its write-up open once you pass this exercise, or on request after{" "}
            {access.needed} failed submissions. You have {access.failedAttempts} failed{" "}
            {access.failedAttempts === 1 ? "submission" : "submissions"}.
          </p>
          {access.state === "available" ? <RevealButton slug={slug} /> : null}
          <p>
            <a href={`/exercises/${slug}`}>Back to the exercise</a>
          </p>
        </section>
      )}
      <NextLinks afterPass={afterPass} showNext={isSolutionOpen(access)} />
    </div>
  );
}

async function OpenSolution({
  slug,
  language,
  passed,
}: {
  slug: ExerciseSlug;
  language: Language;
  passed: boolean;
}) {
  const solution = await getReferenceSolution(slug, language);
  const other: Language = language === "python" ? "typescript" : "python";
  return (
    <>
      <p className="muted" data-testid="solution-access">
        {passed
          ? "You passed this exercise: compare your code with the reference."
          : "You asked for the reference solution before passing (recorded). Try writing it again from memory later."}
      </p>
      <section aria-labelledby="reference-code" data-testid="reference-solution">
        <h2 id="reference-code">Reference solution ({LANGUAGE_NAMES[language]})</h2>
        <p>
          <a href={`/exercises/${slug}/solution?language=${other}`}>Show it in {LANGUAGE_NAMES[other]}</a>
        </p>
        <HighlightedCode code={solution.code} language={language} />
      </section>
      <article className={styles.writeup} aria-label="Write-up" data-testid="writeup">
        <MdxContent code={solution.writeupCode} />
      </article>
    </>
  );
}
