import "server-only";
import GithubSlugger from "github-slugger";

// The headings of a lesson: read by the lessons loader and by the reference check.

/** A heading of the table of contents (ids as rehype-slug gives them). */
export type LessonHeading = { depth: 2 | 3; text: string; id: string };

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
