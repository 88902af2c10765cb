import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import GithubSlugger from "github-slugger";

// The lesson files and their headings: read by the lessons loader and by the reference check.

/** A heading of the table of contents (ids as rehype-slug gives them). */
export type LessonHeading = { depth: 2 | 3; text: string; id: string };

const FILE_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** The lessons folder (loadLessons takes another one for fixtures). */
export function getLessonsDir(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "content", "lessons");
}

/** Lesson files in the folder, sorted by name: `NN-slug.mdx` → slug. Cheap: no compilation. */
export function listLessonFiles(dir = getLessonsDir()): Array<{ slug: string; file: string }> {
  return readdirSync(/* turbopackIgnore: true */ dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const match = FILE_PATTERN.exec(name);
      if (!match?.[2]) throw new Error(`Lesson file ${name} must be named NN-slug.mdx (kebab-case slug).`);
      return { slug: match[2], file: path.join(dir, name) };
    });
}

// Heading text as rehype-slug sees it: inline markup and math delimiters stripped.
function toPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_]/g, "")
    .replace(/\$/g, "")
    .trim();
}

/** h2/h3 headings of an MDX source, outside code fences, with rehype-slug's ids. */
export function extractHeadings(source: string): LessonHeading[] {
  const slugger = new GithubSlugger();
  const headings: LessonHeading[] = [];
  let inFence = false;
  for (const line of source.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const text = toPlainText(match[2]);
    const id = slugger.slug(text);
    const depth = match[1].length;
    if (depth === 2 || depth === 3) headings.push({ depth, text, id });
  }
  return headings;
}
