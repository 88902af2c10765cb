import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { DIAGNOSIS_IDS } from "@/lib/grader/diagnoses";
import { extractHeadings, listLessonFiles } from "./lesson-files.server";
import {
  type ContentIndex,
  type ContentLink,
  extractLinks,
  findReferenceProblems,
  formatReferenceProblems,
} from "./references";

/** The content folder and the app folder (tests pass fixtures for the first). */
export type ContentRoots = { content: string; app: string };

function defaultRoots(): ContentRoots {
  const cwd = /* turbopackIgnore: true */ process.cwd();
  return { content: path.join(cwd, "content"), app: path.join(cwd, "app") };
}

const readText = (file: string) => readFileSync(/* turbopackIgnore: true */ file, "utf8");
const relative = (file: string) => path.relative(process.cwd(), file);
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

/** Gathers every reference and link of the content folder. */
export function readContentIndex(roots: ContentRoots = defaultRoots()): ContentIndex {
  const links: ContentLink[] = [];
  const lessons = listLessonFiles(path.join(roots.content, "lessons")).map(({ slug, file }) => {
    const { data, content } = matter(readText(file));
    const name = relative(file);
    for (const href of extractLinks(content)) links.push({ file: name, href });
    const headingIds = extractHeadings(content).map((heading) => heading.id);
    return { file: name, slug, cards: strings(data.cards), exercises: strings(data.exercises), headingIds };
  });

  const exercisesDir = path.join(roots.content, "exercises");
  const exercises = readdirSync(/* turbopackIgnore: true */ exercisesDir)
    .filter((name) => statSync(/* turbopackIgnore: true */ path.join(exercisesDir, name)).isDirectory())
    .sort()
    .map((slug) => {
      const configFile = path.join(exercisesDir, slug, "exercise.json");
      const config = JSON.parse(readText(configFile)) as { diagnoses?: unknown };
      const task = path.join(exercisesDir, slug, "task.mdx");
      for (const href of extractLinks(matter(readText(task)).content))
        links.push({ file: relative(task), href });
      return { file: relative(configFile), slug, diagnoses: strings(config.diagnoses) };
    });

  const cardsDir = path.join(roots.content, "cards");
  const cards = readdirSync(/* turbopackIgnore: true */ cardsDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => {
      const file = relative(path.join(cardsDir, name));
      const raw = JSON.parse(readText(path.join(cardsDir, name))) as unknown;
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

  return {
    lessons,
    exercises,
    cards,
    diagnosisIds: DIAGNOSIS_IDS,
    staticRoutes: listStaticRoutes(roots.app),
    links,
  };
}

/** Throws one error listing every broken reference (file and value), or returns quietly. */
export function assertContentReferences(roots?: ContentRoots): void {
  const problems = findReferenceProblems(readContentIndex(roots));
  if (problems.length > 0) throw new Error(formatReferenceProblems(problems));
}
