import "server-only";
import { readFileSync, statSync } from "node:fs";
import matter from "gray-matter";
import { env } from "@/lib/env.server";
import { compileMdx, type MdxHeading } from "./compile-mdx.server";
import { assertContentReferences } from "./references.server";
import { type LessonFrontmatter, parseLessonFrontmatter } from "./lesson-frontmatter";
import { displayPath, getContentRoot, getLessonsDir, listExerciseSlugs, listLessonFiles } from "./registry";

/** What the course index and navigation need about a lesson. */
export type LessonSummary = LessonFrontmatter & { slug: string; file: string };

/** A compiled lesson, ready for getMDXComponent. */
export type Lesson = LessonSummary & { code: string; headings: MdxHeading[] };

// Compiled MDX by file, reused while the source is unchanged (the dev server reloads edited lessons).
const compiledBySource = new Map<string, { source: string; result: ReturnType<typeof compileMdx> }>();

function compileCached(file: string, source: string, options: Parameters<typeof compileMdx>[1]) {
  const hit = compiledBySource.get(file);
  if (hit?.source === source) return hit.result;
  const result = compileMdx(source, options);
  compiledBySource.set(file, { source, result });
  result.catch(() => compiledBySource.delete(file));
  return result;
}

/** Compiles and validates every lesson in `dir`; throws naming the file at the first problem. */
export async function loadLessons(dir = getLessonsDir()): Promise<Lesson[]> {
  const lessons: Lesson[] = [];
  for (const { slug, file } of listLessonFiles(dir)) {
    const relative = displayPath(file);
    const source = readFileSync(/* turbopackIgnore: true */ file, "utf8");
    const compiled = await compileCached(file, source, { label: `lesson ${relative}`, cwd: dir });
    const frontmatter = parseLessonFrontmatter(compiled.frontmatter, relative);
    lessons.push({ ...frontmatter, slug, file: relative, code: compiled.code, headings: compiled.headings });
  }
  assertCourseConsistent(lessons);
  return lessons.sort((a, b) => a.order - b.order);
}

/** Checks cross-lesson rules: unique order, prerequisites that exist and come earlier, exercises that exist. */
export function assertCourseConsistent(
  lessons: readonly LessonSummary[],
  exerciseSlugs: readonly string[] = listExerciseSlugs(),
): void {
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  const byOrder = new Map<number, string>();
  for (const lesson of lessons) {
    const clash = byOrder.get(lesson.order);
    if (clash) throw new Error(`Lessons ${clash} and ${lesson.file} both have order ${lesson.order}.`);
    byOrder.set(lesson.order, lesson.file);
    for (const exercise of lesson.exercises) {
      if (!exerciseSlugs.includes(exercise)) {
        throw new Error(
          `Invalid frontmatter in ${lesson.file}: field "exercises": no exercise "${exercise}".`,
        );
      }
    }
    for (const prerequisite of lesson.prerequisites) {
      const required = bySlug.get(prerequisite);
      if (!required)
        throw new Error(
          `Invalid frontmatter in ${lesson.file}: field "prerequisites": no lesson "${prerequisite}".`,
        );
      if (required.order >= lesson.order) {
        throw new Error(
          `Invalid frontmatter in ${lesson.file}: field "prerequisites": "${prerequisite}" comes later in the course.`,
        );
      }
    }
  }
}

// Compiled once per process in production: at build time every page reuses the same promise.
// In development the cache is keyed by the lessons' modification times, so an edited lesson shows
// on the next request (only the changed file is compiled again).
let cache: { stamp: string; lessons: Promise<Lesson[]> } | null = null;

function lessonsStamp(): string {
  const root = getContentRoot();
  if (env.NODE_ENV === "production") return root;
  return (
    root +
    listLessonFiles(getLessonsDir(root))
      .map(({ file }) => `${file}:${statSync(/* turbopackIgnore: true */ file).mtimeMs}`)
      .join("|")
  );
}

/** Every lesson, compiled, in course order (cached; see above). */
function getLessons(): Promise<Lesson[]> {
  const stamp = lessonsStamp();
  if (cache?.stamp !== stamp) {
    // Content is checked as a whole when it is loaded: a broken card, exercise, diagnosis or link
    // reference fails the build (and the dev server's page) naming the file and the value.
    const lessons = Promise.resolve().then(async () => {
      const loaded = await loadLessons();
      // The compile already found each lesson's headings; the check reuses them for `#heading` links.
      assertContentReferences(undefined, new Map(loaded.map((l) => [l.slug, l.headings.map((h) => h.id)])));
      return loaded;
    });
    cache = { stamp, lessons };
    lessons.catch(() => {
      if (cache?.lessons === lessons) cache = null;
    });
  }
  return cache.lessons;
}

/** One compiled lesson, or null when no lesson has this slug. */
export async function getLesson(slug: string): Promise<Lesson | null> {
  return (await getLessons()).find((lesson) => lesson.slug === slug) ?? null;
}

/** The course path without compiled code, for indexes and navigation. */
export async function getLessonSummaries(): Promise<LessonSummary[]> {
  return (await getLessons()).map(({ code: _code, headings: _headings, ...summary }) => summary);
}

/**
 * The course path from the lessons' frontmatter only, validated like the build does but without
 * compiling any MDX: cheap enough for dynamic pages (the dashboard) at request time.
 */
export function readLessonSummaries(dir = getLessonsDir()): LessonSummary[] {
  return listLessonFiles(dir)
    .map(({ slug, file }) => {
      const relative = displayPath(file);
      const { data } = matter(readFileSync(/* turbopackIgnore: true */ file, "utf8"));
      return { ...parseLessonFrontmatter(data, relative), slug, file: relative };
    })
    .sort((a, b) => a.order - b.order);
}

/** True when a lesson file with this slug exists (cheap: reads the folder only). */
export function lessonExists(slug: string): boolean {
  return listLessonFiles().some((lesson) => lesson.slug === slug);
}
