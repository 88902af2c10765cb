import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { DIAGNOSIS_IDS } from "./diagnosis-ids";
import { parseInterviewFile } from "./interview-schema";
import { readMdxHeadings } from "./compile-mdx.server";
import {
  type ContentIndex,
  type ContentLink,
  extractLinks,
  findReferenceProblems,
  formatReferenceProblems,
} from "./references";
import {
  displayPath,
  getContentRoot,
  getExerciseDir,
  getLessonsDir,
  listExerciseSlugs,
  listLessonFiles,
  readCardFiles,
  readInterviewFiles,
} from "./registry";

/** The content folder and the app folder (tests pass fixtures for the first). */
export type ContentRoots = { content: string; app: string };

function defaultRoots(): ContentRoots {
  const cwd = /* turbopackIgnore: true */ process.cwd();
  return { content: getContentRoot(), app: path.join(cwd, "app") };
}

const readText = (file: string) => readFileSync(/* turbopackIgnore: true */ file, "utf8");
const relative = displayPath;
/** An exercise.json as a record (its fields are validated by the exercise loader, not here). */
function readJsonObject(file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(file));
  } catch (error) {
    throw new Error(
      `${relative(file)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];

/** Routes of the app without dynamic segments: app/(auth)/signin/page.tsx → "/signin". */
export function listStaticRoutes(appDir: string): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const name of readdirSync(/* turbopackIgnore: true */ dir)) {
      const full = path.join(dir, name);
      if (statSync(/* turbopackIgnore: true */ full).isDirectory()) {
        if (name.startsWith("[") || name.startsWith("_") || name === "api") continue;
        walk(full, /^\(.*\)$/.test(name) ? segments : [...segments, name]);
      } else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(name)) {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return routes.sort();
}

/** Heading ids of lessons already compiled, by slug (the lessons loader passes them: no second parse). */
export type KnownHeadings = ReadonlyMap<string, readonly string[]>;

/** Gathers every reference and link of the content folder. */
export function readContentIndex(
  roots: ContentRoots = defaultRoots(),
  knownHeadings: KnownHeadings = new Map(),
): ContentIndex {
  const links: ContentLink[] = [];
  const lessons = listLessonFiles(getLessonsDir(roots.content)).map(({ slug, file }) => {
    const { data, content } = matter(readText(file));
    const name = relative(file);
    for (const href of extractLinks(content)) links.push({ file: name, href });
    const headingIds = knownHeadings.get(slug) ?? readMdxHeadings(content).map((heading) => heading.id);
    return { file: name, slug, cards: strings(data.cards), exercises: strings(data.exercises), headingIds };
  });

  const exercises = listExerciseSlugs(roots.content).map((slug) => {
    const dir = getExerciseDir(slug, roots.content);
    const configFile = path.join(dir, "exercise.json");
    const config = readJsonObject(configFile);
    const task = path.join(dir, "task.mdx");
    for (const href of extractLinks(matter(readText(task)).content))
      links.push({ file: relative(task), href });
    const kind = typeof config.kind === "string" ? config.kind : "code";
    return { file: relative(configFile), slug, kind, diagnoses: strings(config.diagnoses) };
  });

  const cards = readCardFiles(roots.content).flatMap(({ file, raw }) => {
    return (Array.isArray(raw) ? raw : []).map((entry: Record<string, unknown>) => {
      for (const text of [entry.front, entry.back]) {
        if (typeof text === "string") for (const href of extractLinks(text)) links.push({ file, href });
      }
      return {
        file,
        id: String(entry.id),
        topic: String(entry.topic),
        lesson: String(entry.lesson),
        mistakes: strings(entry.mistakes),
      };
    });
  });

  // Validated here (a bad item throws naming file, item and field), then checked as references.
  const interview = readInterviewFiles(roots.content).flatMap(({ file, raw }) => {
    const items = parseInterviewFile(raw, file);
    for (const item of items)
      for (const text of [item.prompt, item.explanation])
        for (const href of extractLinks(text)) links.push({ file, href });
    return items.map((item) => ({ file, item }));
  });

  return {
    lessons,
    exercises,
    cards,
    interview,
    diagnosisIds: DIAGNOSIS_IDS,
    staticRoutes: listStaticRoutes(roots.app),
    links,
  };
}

/** Throws one error listing every broken reference (file and value), or returns quietly. */
export function assertContentReferences(roots?: ContentRoots, knownHeadings?: KnownHeadings): void {
  const problems = findReferenceProblems(readContentIndex(roots, knownHeadings));
  if (problems.length > 0) throw new Error(formatReferenceProblems(problems));
}
