import type { Metadata } from "next";
import { getLessonSummaries } from "@/lib/content/lessons.server";
import { CoursePath } from "./course-path";
import styles from "./learn.module.css";

export const dynamic = "force-static";

export const metadata: Metadata = {
  title: "Course",
  description: "The path through Descent's lessons on the optimizers that train neural networks.",
};

/** The course index: every lesson in order. */
export default async function LearnPage() {
  const lessons = await getLessonSummaries();
  const titles = new Map(lessons.map((lesson) => [lesson.slug, lesson.title]));
  const minutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
  return (
    <div className={`container ${styles.index}`}>
      <h1>The course</h1>
      <p className={styles.lead}>
        {lessons.length} lessons, about {Math.round(minutes / 6) / 10} hours of reading, from plain gradient
        descent to the optimizers that train today&apos;s networks. Each builds on the ones before it.
      </p>
      <CoursePath
        lessons={lessons.map((lesson) => ({
          slug: lesson.slug,
          order: lesson.order,
          title: lesson.title,
          summary: lesson.summary,
          minutes: lesson.minutes,
          prerequisites: lesson.prerequisites.map((slug) => ({ slug, title: titles.get(slug) ?? slug })),
        }))}
      />
    </div>
  );
}
