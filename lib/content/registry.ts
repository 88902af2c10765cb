// The content registry: a lesson, an exercise or a card file exists when its file is in the content
// folder, so adding one touches that folder only. Node-only (fs) but without "server-only": the
// grader children and the scripts (grade, check-content) import it outside Next.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readContentDir } from "../env-shared";
import {
  type ExerciseConfig,
  type ExerciseDefinition,
  ExerciseDefinitionSchema,
  type ExerciseKind,
  ExerciseKindSchema,
  unknownKind,
} from "./exercise-schema";
import { SLUG_PATTERN } from "./slug";

declare const exerciseSlugBrand: unique symbol;
/** The slug of an exercise folder that exists (obtain one with listExerciseSlugs or isExerciseSlug). */
export type ExerciseSlug = string & { readonly [exerciseSlugBrand]: true };

/**
 * The content folder: `content/` under the working directory, or CONTENT_DIR when set. CONTENT_DIR
 * exists for tests (a temporary course); it is asked for on every call so a test can point it
 * elsewhere, and the grader children inherit it with the rest of the environment.
 */
export function getContentRoot(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), readContentDir());
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

// --- lessons ---

const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** The lessons folder of a content root. */
export function getLessonsDir(root = getContentRoot()): string {
  return path.join(root, "lessons");
}

/** Lesson files, sorted by name: `NN-slug.mdx` → slug. Cheap: reads the folder only. */
export function listLessonFiles(dir = getLessonsDir()): Array<{ slug: string; file: string }> {
  return readdirSync(/* turbopackIgnore: true */ dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const match = LESSON_FILE.exec(name);
      if (!match?.[2])
        throw new Error(
          `${displayPath(path.join(dir, name))}: a lesson file is named NN-slug.mdx (kebab-case slug).`,
        );
      return { slug: match[2], file: path.join(dir, name) };
    });
}

/** Slugs of every lesson file, in file-name order. */
export function listLessonSlugs(root = getContentRoot()): string[] {
  return listLessonFiles(getLessonsDir(root)).map((lesson) => lesson.slug);
}

// --- exercises ---

/**
 * The last listing of each exercises folder, with the folder's modification time: adding, removing
 * or renaming a folder changes it, so a listing costs one stat until the folder changes (every
 * submission checks its slug against it).
 */
const exerciseListings = new Map<string, { mtimeMs: number; slugs: readonly ExerciseSlug[] }>();

/** Slugs of every exercise folder (`exercises/<slug>/`), in name order; course order is exercise.json's `order`. */
export function listExerciseSlugs(root = getContentRoot()): ExerciseSlug[] {
  const dir = path.join(root, "exercises");
  const { mtimeMs } = statSync(/* turbopackIgnore: true */ dir);
  const cached = exerciseListings.get(dir);
  if (cached?.mtimeMs === mtimeMs) return [...cached.slugs];
  const slugs = readdirSync(/* turbopackIgnore: true */ dir)
    .filter((name) => statSync(/* turbopackIgnore: true */ path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      if (!SLUG_PATTERN.test(name))
        throw new Error(
          `${displayPath(path.join(dir, name))}: an exercise folder is named by a kebab-case slug.`,
        );
      return name as ExerciseSlug;
    });
  exerciseListings.set(dir, { mtimeMs, slugs });
  return [...slugs];
}

/** True when `value` names an exercise folder of the content root (a malformed value: false without touching the disk). */
export function isExerciseSlug(value: unknown, root = getContentRoot()): value is ExerciseSlug {
  return (
    typeof value === "string" &&
    SLUG_PATTERN.test(value) &&
    (listExerciseSlugs(root) as readonly string[]).includes(value)
  );
}

/** The folder of an exercise. */
export function getExerciseDir(slug: ExerciseSlug, root = getContentRoot()): string {
  return path.join(root, "exercises", slug);
}

/** Reads a file of an exercise folder as text. */
export function readExerciseFile(slug: ExerciseSlug, file: string, root = getContentRoot()): Promise<string> {
  return readFile(/* turbopackIgnore: true */ path.join(getExerciseDir(slug, root), file), "utf8");
}

/** Parses an exercise.json text of any kind; throws naming the file and every bad field. */
export function parseExerciseDefinition(text: string, file: string): ExerciseDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = ExerciseDefinitionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `field "${issue.path.length > 0 ? issue.path.join(".") : "(root)"}": ${issue.message}`,
  );
  throw new Error(`${file}: ${problems.join("; ")}`);
}

/**
 * How an exercise of this kind is graded: true when it is learner code run in the sandbox (lib/grader),
 * false for an exercise of judgment, an answer graded on the server (lib/judgment). The registry's one
 * switch on the kind: a new kind is a type error here until it is placed.
 */
export function isCodeKind(kind: ExerciseKind): boolean {
  switch (kind) {
    case "code":
      return true;
    case "tune":
    case "diagnose":
    case "predict":
      return false;
    default:
      return unknownKind(kind);
  }
}

/** Whether a definition is a coded exercise's (else it is an exercise of judgment). */
export function isCodeExercise(definition: ExerciseDefinition): definition is ExerciseConfig {
  return isCodeKind(definition.kind);
}

function requireCode(definition: ExerciseDefinition, file: string): ExerciseConfig {
  if (isCodeExercise(definition)) return definition;
  throw new Error(`${file}: a "${definition.kind}" exercise has no code to grade.`);
}

const definitions = new Map<string, Promise<ExerciseDefinition>>();

function configFile(slug: ExerciseSlug, root: string): string {
  return displayPath(path.join(getExerciseDir(slug, root), "exercise.json"));
}

/** Loads and validates exercise.json of any kind (cached per process and root); throws naming the file when invalid. */
export function loadExerciseDefinition(
  slug: ExerciseSlug,
  root = getContentRoot(),
): Promise<ExerciseDefinition> {
  const key = path.join(root, slug);
  let pending = definitions.get(key);
  if (!pending) {
    const file = configFile(slug, root);
    pending = readExerciseFile(slug, "exercise.json", root).then((text) =>
      parseExerciseDefinition(text, file),
    );
    pending.catch(() => definitions.delete(key));
    definitions.set(key, pending);
  }
  return pending;
}

/** Loads the exercise.json of a coded exercise; throws naming the file when invalid or of another kind. */
export async function loadExerciseConfig(
  slug: ExerciseSlug,
  root = getContentRoot(),
): Promise<ExerciseConfig> {
  return requireCode(await loadExerciseDefinition(slug, root), configFile(slug, root));
}

/**
 * The kind of an exercise from its exercise.json's `kind` ("code" when absent), read without
 * validating the rest: cheap enough to sort slugs by kind (the tests, the grade script).
 */
function readExerciseKind(slug: ExerciseSlug, root = getContentRoot()): ExerciseKind {
  const file = path.join(getExerciseDir(slug, root), "exercise.json");
  const raw: unknown = JSON.parse(readFileSync(/* turbopackIgnore: true */ file, "utf8"));
  const kind =
    raw !== null && typeof raw === "object" ? ((raw as { kind?: unknown }).kind ?? "code") : "code";
  const parsed = ExerciseKindSchema.safeParse(kind);
  if (parsed.success) return parsed.data;
  throw new Error(`${displayPath(file)}: field "kind": ${parsed.error.issues[0]?.message ?? "unknown kind"}`);
}

/** Slugs of the coded exercises (graded in the sandbox), in name order. */
export function listCodeExerciseSlugs(root = getContentRoot()): ExerciseSlug[] {
  return listExerciseSlugs(root).filter((slug) => isCodeKind(readExerciseKind(slug, root)));
}

// --- folders of JSON files: cards and the interview question bank ---

/** The `.json` files of a content folder in name order; an absent folder throws unless `optional`. */
function listJsonFiles(dir: string, optional: boolean): string[] {
  if (optional && !existsSync(/* turbopackIgnore: true */ dir)) return [];
  return readdirSync(/* turbopackIgnore: true */ dir)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

/** Every `.json` file of a content folder, parsed but not yet validated; a bad file is named. */
function readJsonFiles(dir: string, optional = false): Array<{ file: string; raw: unknown }> {
  return listJsonFiles(dir, optional).map((name) => {
    const file = displayPath(path.join(dir, name));
    try {
      return {
        file,
        raw: JSON.parse(readFileSync(/* turbopackIgnore: true */ path.join(dir, name), "utf8")),
      };
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  });
}

/** A stamp that changes when a file of the folder is added, removed or edited (dev reloads). */
function jsonFilesStamp(dir: string, optional = false): string {
  const names = listJsonFiles(dir, optional);
  if (names.length === 0) return "none";
  return names
    .map((name) => `${name}:${statSync(/* turbopackIgnore: true */ path.join(dir, name)).mtimeMs}`)
    .join("|");
}

/** Card files (`cards/<topic>.json`) in name order, parsed as JSON but not yet validated. */
export function readCardFiles(root = getContentRoot()): Array<{ file: string; raw: unknown }> {
  return readJsonFiles(path.join(root, "cards"));
}

/** A stamp that changes when a card file is added, removed or edited (the dev server reloads the deck). */
export function cardFilesStamp(root = getContentRoot()): string {
  return jsonFilesStamp(path.join(root, "cards"));
}

/** Files of the question bank (`interview/<topic>.json`) in name order, parsed as JSON but not yet validated; none when the folder is absent. */
export function readInterviewFiles(root = getContentRoot()): Array<{ file: string; raw: unknown }> {
  return readJsonFiles(path.join(root, "interview"), true);
}

/** A stamp that changes when a bank file is added, removed or edited (the dev server reloads the bank). */
export function interviewFilesStamp(root = getContentRoot()): string {
  return jsonFilesStamp(path.join(root, "interview"), true);
}

/** The check-yourself lists (`interview/check-yourself/lessons.json`: lesson slug → item ids), parsed as JSON but not yet validated; null when absent. */
export function readCheckYourselfFile(root = getContentRoot()): { file: string; raw: unknown } | null {
  const found = readJsonFiles(path.join(root, "interview", "check-yourself"), true).find((entry) =>
    entry.file.endsWith("lessons.json"),
  );
  return found ?? null;
}
