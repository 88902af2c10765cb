import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { compileMdx, readMdxHeadings } from "./compile-mdx.server";
import { parseLessonFrontmatter } from "./lesson-frontmatter";
import { displayPath, type ExerciseSlug, getExerciseDir, listLessonFiles } from "./registry";
import { SlugSchema } from "./slug";

// An exercise's write-up (content/exercises/<slug>/writeup.mdx): what to read after a pass, the
// classic mistakes, how PyTorch does it, the line interviewers ask about. Compiled by the same
// pipeline as task.mdx (compile-mdx.server.ts); its frontmatter names the lesson section the
// exercise practises, checked against that lesson's headings.

const WriteupFrontmatterSchema = z.strictObject({
  /** The lesson the exercise practises (its slug, as in /learn/<slug>). */
  lesson: SlugSchema,
  /** The id of the h2/h3 of that lesson the exercise practises (as rehype-slug makes it). */
  section: z.string().trim().min(1),
});

/** Where an exercise is taught: the lesson and the heading of its section, for a link. */
export type PractisedSection = {
  lessonSlug: string;
  lessonTitle: string;
  sectionId: string;
  sectionTitle: string;
};

function writeupFile(slug: ExerciseSlug): string {
  return path.join(getExerciseDir(slug), "writeup.mdx");
}

/**
 * The lesson section a coded exercise practises, from its write-up's frontmatter; throws naming the
 * file when the write-up is missing, its frontmatter invalid, or the lesson or heading unknown.
 */
export function readPractisedSection(slug: ExerciseSlug): PractisedSection {
  const file = writeupFile(slug);
  const relative = displayPath(file);
  const parsed = WriteupFrontmatterSchema.safeParse(
    matter(readFileSync(/* turbopackIgnore: true */ file, "utf8")).data,
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `field "${issue.path.join(".") || "(frontmatter)"}": ${issue.message}`,
    );
    throw new Error(`Invalid frontmatter in ${relative}: ${problems.join("; ")}`);
  }
  const { lesson, section } = parsed.data;
  const lessonFile = listLessonFiles().find((candidate) => candidate.slug === lesson);
  if (!lessonFile)
    throw new Error(`Invalid frontmatter in ${relative}: field "lesson": no lesson "${lesson}".`);
  const { data, content } = matter(readFileSync(/* turbopackIgnore: true */ lessonFile.file, "utf8"));
  const lessonTitle = parseLessonFrontmatter(data, displayPath(lessonFile.file)).title;
  const heading = readMdxHeadings(content).find((candidate) => candidate.id === section);
  if (!heading) {
    throw new Error(
      `Invalid frontmatter in ${relative}: field "section": lesson "${lesson}" has no heading "#${section}".`,
    );
  }
  return { lessonSlug: lesson, lessonTitle, sectionId: section, sectionTitle: heading.text };
}

// Compiled once per source text: a write-up is compiled on the first request for it, then reused.
const compiled = new Map<string, { source: string; code: Promise<string> }>();

/** The compiled write-up of a coded exercise (code for getMDXComponent, as a lesson's). */
export function compileWriteup(slug: ExerciseSlug): Promise<string> {
  const file = writeupFile(slug);
  const source = readFileSync(/* turbopackIgnore: true */ file, "utf8");
  const hit = compiled.get(file);
  if (hit?.source === source) return hit.code;
  const code = compileMdx(source, { label: displayPath(file) }).then((result) => result.code);
  compiled.set(file, { source, code });
  code.catch(() => compiled.delete(file));
  return code;
}
