import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MdxContent } from "@/app/components/mdx/mdx-content";
import { getDeck } from "@/lib/cards/deck";
import { resolveLessonCards } from "@/lib/cards/lesson-cards";
import { listExercises } from "@/lib/content/exercises.server";
import { getLesson, getLessonSummaries } from "@/lib/content/lessons.server";
import { getCheckYourselfIds } from "@/lib/interview/check-yourself.server";
import styles from "../learn.module.css";
import { CheckYourself } from "./check-yourself";
import { MarkReadButton } from "./mark-read-button";

export const dynamic = "force-static";
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

/** Every lesson is compiled and rendered at build time. */
export async function generateStaticParams() {
  return (await getLessonSummaries()).map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLesson((await params).slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

/** A lesson: its text, table of contents, read button and the way on. */
export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  const lesson = await getLesson(slug);
  if (!lesson) notFound();
  const lessons = await getLessonSummaries();
  const position = lessons.findIndex((entry) => entry.slug === slug);
  const previous = lessons[position - 1];
  const next = lessons[position + 1];
  const titles = new Map(lessons.map((entry) => [entry.slug, entry.title]));
  const cards = resolveLessonCards(lesson.cards, getDeck());
  const checkYourself = getCheckYourselfIds(slug);
  const exerciseTitles = new Map((await listExercises()).map((exercise) => [exercise.slug, exercise.title]));

  return (
    <div className={`container ${styles.lessonLayout}`}>
      <nav className={styles.toc} aria-label="On this page">
        <p className={styles.tocTitle}>On this page</p>
        <ul>
          {lesson.headings.map((heading) => (
            <li key={heading.id} className={heading.depth === 3 ? styles.tocSub : undefined}>
              <a href={`#${heading.id}`}>{heading.text}</a>
            </li>
          ))}
        </ul>
      </nav>
      <article className={styles.article}>
        <header className={styles.lessonHeader}>
          <p className="muted">
            <Link href="/learn">Course</Link> · Lesson {lesson.order} · {lesson.minutes} min read
          </p>
          <h1>{lesson.title}</h1>
          <p className={styles.lead}>{lesson.summary}</p>
          {lesson.prerequisites.length > 0 ? (
            <p className="muted">
              Builds on:{" "}
              {lesson.prerequisites.map((prerequisite, index) => (
                <span key={prerequisite}>
                  {index > 0 ? ", " : null}
                  <Link href={`/learn/${prerequisite}`}>{titles.get(prerequisite) ?? prerequisite}</Link>
                </span>
              ))}
            </p>
          ) : null}
        </header>
        <div className={styles.prose}>
          <MdxContent code={lesson.code} />
        </div>
        <footer className={styles.lessonFooter}>
          {checkYourself.length > 0 ? <CheckYourself lesson={slug} count={checkYourself.length} /> : null}
          <MarkReadButton slug={lesson.slug} minutes={lesson.minutes} />
          {lesson.exercises.length > 0 || cards.topics.length > 0 ? (
            <section aria-labelledby="practice-heading" className={styles.practice}>
              <h2 id="practice-heading">Practice</h2>
              <ul>
                {lesson.exercises.map((exercise) => (
                  <li key={exercise}>
                    {/* Plain links: no prefetch of sections built elsewhere. */}
                    <a href={`/exercises/${exercise}`}>
                      Exercise: {exerciseTitles.get(exercise) ?? exercise.replaceAll("-", " ")}
                    </a>
                  </li>
                ))}
                {cards.topics.map(({ topic, count }) => (
                  <li key={topic}>
                    <a href={`/cards?topic=${encodeURIComponent(topic)}`}>
                      Interview cards: {topic.replaceAll("-", " ")} ({count} {count === 1 ? "card" : "cards"})
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <nav className={styles.pager} aria-label="Lessons">
            {previous ? (
              <Link href={`/learn/${previous.slug}`} rel="prev" className={styles.pagerLink}>
                <span className="muted">Previous</span> {previous.title}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link
                href={`/learn/${next.slug}`}
                rel="next"
                className={`${styles.pagerLink} ${styles.pagerNext}`}
              >
                <span className="muted">Next</span> {next.title}
              </Link>
            ) : null}
          </nav>
        </footer>
      </article>
    </div>
  );
}
