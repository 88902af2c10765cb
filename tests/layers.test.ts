import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The dependency rules of docs/architecture.md, checked on the import lines of the source. Each rule
// is a function of a tree (path → text), run on the repository and on a small tree that breaks it.

type Tree = ReadonlyMap<string, string>;

const FORBIDDEN: Array<{ from: string; to: string; why: string }> = [
  {
    from: "lib/progress",
    to: "lib/auth",
    why: "lib/auth uses lib/progress (merge, guest cookie), not the reverse",
  },
  { from: "lib/content", to: "lib/grader", why: "the grader reads content; content knows no grader" },
  { from: "lib/content", to: "lib/cards", why: "cards read the content registry" },
  { from: "lib/optim", to: "lib/grader", why: "the core is pure" },
  { from: "lib/optim", to: "app", why: "the core is pure" },
  { from: "lib", to: "app", why: "app → lib, never lib → app" },
];

const HTTP_METHODS = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|mts|mjs)$/.test(name) ? [file] : [];
  });
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** The repository's sources under these folders, tests left out. */
function readTree(...dirs: string[]): Tree {
  return new Map(
    dirs
      .flatMap(sourceFiles)
      .filter((file) => !isTest(file))
      .map((file) => [file, readFileSync(file, "utf8")]),
  );
}

type Import = { target: string; typeOnly: boolean };

/** What a file imports from the repository (`@/x/y` and relative paths), e.g. "lib/auth/x". */
function imports(file: string, text: string): Import[] {
  const found: Array<{ specifier: string; typeOnly: boolean }> = [];
  for (const match of text.matchAll(
    /(?:^|[\n;])\s*(import|export)\s+(type\s+)?([^"'`;]*?)\s*from\s+["']([^"']+)["']/g,
  )) {
    const names = match[3] ?? "";
    const braced = /^\{([\s\S]*)\}$/.exec(names.trim())?.[1];
    const allTypes =
      braced
        ?.split(",")
        .map((name) => name.trim())
        .filter(Boolean)
        .every((name) => name.startsWith("type ")) ?? false;
    found.push({ specifier: match[4] ?? "", typeOnly: match[2] !== undefined || allTypes });
  }
  for (const match of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g))
    found.push({ specifier: match[1] ?? match[2] ?? "", typeOnly: false });
  return found.flatMap(({ specifier, typeOnly }) => {
    if (specifier.startsWith("@/")) return [{ target: specifier.slice(2), typeOnly }];
    if (specifier.startsWith("."))
      return [{ target: path.posix.join(path.posix.dirname(file), specifier), typeOnly }];
    return [];
  });
}

const within = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);

/** "file → target" for every import from `from` into `to`. */
function forbiddenImports(tree: Tree, from: string, to: string): string[] {
  return [...tree].flatMap(([file, text]) =>
    within(file, from)
      ? imports(file, text)
          .filter(({ target }) => within(target, to))
          .map(({ target }) => `${file} → ${target}`)
      : [],
  );
}

/** The node of lib/'s folder graph a path belongs to: its folder under lib/, or a file at lib/'s root. */
function libNode(target: string): string | null {
  const parts = target.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  if (parts[1] === "generated") return null;
  return parts.length === 2
    ? `lib/${(parts[1] ?? "").replace(/\.(ts|tsx|mts|mjs)$/, "")}`
    : `lib/${parts[1]}`;
}

/**
 * lib/http knows no feature: it imports only itself, the Redis client (lib/redis) and lib/'s root
 * modules (configuration, domain errors), never a feature's folder.
 */
function httpFeatureImports(tree: Tree): string[] {
  return [...tree].flatMap(([file, text]) =>
    within(file, "lib/http")
      ? imports(file, text)
          .filter(({ target }) => {
            const node = libNode(target);
            if (node === null) return within(target, "app");
            const rootFile = target.split("/").length === 2;
            return !rootFile && node !== "lib/http" && node !== "lib/redis";
          })
          .map(({ target }) => `${file} → ${target}`)
      : [],
  );
}

/**
 * HTTP stays in app/ and lib/http: elsewhere under lib/ no file exports a route handler, builds a
 * Response, names HttpError or gives an error class a `status` (domain errors have a kind:
 * lib/domain-error.ts).
 */
function httpOutsideItsLayer(tree: Tree): string[] {
  const rules: Array<[RegExp, string]> = [
    [
      new RegExp(`export\\s+(?:async\\s+function|function|const)\\s+(?:${HTTP_METHODS})\\b`),
      "a route handler",
    ],
    [/\bResponse\.json\(|\bnew\s+Response\(/, "builds a Response"],
    [/\bHttpError\b/, "names HttpError"],
  ];
  // A field or constructor property named status, in a file that declares an error class.
  const errorStatus = /\b(?:readonly|public|private|protected)\s+status\s*[:;=?]|\bthis\.status\s*=/;
  return [...tree].flatMap(([file, text]) => {
    if (!within(file, "lib") || within(file, "lib/http")) return [];
    const found = rules.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${file}: ${what}`);
    if (/class\s+\w+\s+extends\s+\w*Error\b/.test(text) && errorStatus.test(text))
      found.push(`${file}: an error with a status`);
    return found;
  });
}

/**
 * One mapping from errors to answers (answerError, lib/http/route.server.ts): every handler a
 * route file exports is wrapped in handle(), and no route catches an error or tests its class.
 */
function routesAnsweringErrorsThemselves(tree: Tree): string[] {
  const exported = new RegExp(
    `export\\s+(?:async\\s+function|function|const)\\s+(${HTTP_METHODS})\\b(\\s*=\\s*handle\\()?`,
    "g",
  );
  return [...tree].flatMap(([file, text]) => {
    if (!within(file, "app/api") || !/\/route\.tsx?$/.test(file)) return [];
    const found = [...text.matchAll(exported)]
      .filter((match) => match[2] === undefined)
      .map((match) => `${file}: ${match[1]} is not wrapped in handle()`);
    if (/\bcatch\b/.test(text)) found.push(`${file}: catches an error`);
    if (/\binstanceof\s+[\w.]*Error\b/.test(text)) found.push(`${file}: tests an error's class`);
    return found;
  });
}

/**
 * One Prisma client module, in lib/db: elsewhere the generated client is imported for its types
 * only, and no file makes a client of its own or exports one.
 */
function prismaOutsideDb(tree: Tree): string[] {
  return [...tree].flatMap(([file, text]) => {
    if (within(file, "lib/db")) return [];
    const found = imports(file, text)
      .filter(({ target, typeOnly }) => !typeOnly && /^lib\/generated\/prisma/.test(target))
      .map(({ target }) => `${file} → ${target}`);
    if (/\bnew\s+(?:PrismaClient|SqliteClient|PostgresClient)\s*\(/.test(text))
      found.push(`${file}: makes a Prisma client`);
    if (/export\s+(?:const|let|var)\s+prisma\b/.test(text)) found.push(`${file}: exports a Prisma client`);
    return found;
  });
}

/** lib/'s folder graph: node → the nodes it imports (a folder under lib/, or a file at its root). */
function libGraph(tree: Tree): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, text] of tree) {
    const from = libNode(file);
    if (from === null) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const { target } of imports(file, text)) {
      const to = libNode(target);
      if (to !== null && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The strongly connected components of more than one node (Tarjan): every cycle between folders. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

const tree = (files: Record<string, string>): Tree => new Map(Object.entries(files));

describe("dependencies point one way", () => {
  const source = readTree("app", "lib", "scripts", "tests");

  it.each(FORBIDDEN)("$from does not import $to ($why)", ({ from, to }) => {
    expect(forbiddenImports(source, from, to)).toEqual([]);
  });

  it("sees the imports it checks (a file known to import lib/db)", () => {
    const file = "lib/auth/learner.server.ts";
    expect(imports(file, source.get(file) ?? "").map(({ target }) => target)).toContain(
      "lib/db/prisma.server",
    );
  });

  it("lib/http knows no feature", () => {
    expect(httpFeatureImports(source)).toEqual([]);
    const broken = tree({ "lib/http/x.server.ts": 'import { LIMITS } from "../grader/limits";' });
    expect(httpFeatureImports(broken)).toEqual(["lib/http/x.server.ts → lib/grader/limits"]);
    const fine = tree({
      "lib/http/x.ts": 'import { a } from "@/lib/redis/client";\nimport { b } from "../env-shared";',
    });
    expect(httpFeatureImports(fine)).toEqual([]);
  });

  it("route handlers, responses and HTTP statuses stay in app/ and lib/http", () => {
    expect(httpOutsideItsLayer(source)).toEqual([]);
    const broken = tree({
      "lib/judgment/submit.server.ts": "export async function POST() { return Response.json({}); }",
      "lib/progress/reviews.server.ts":
        "class E extends Error { constructor(readonly status: number) { super(); } }",
      "lib/auth/learner.server.ts": "class L extends HttpError {}",
    });
    expect(httpOutsideItsLayer(broken)).toEqual([
      "lib/judgment/submit.server.ts: a route handler",
      "lib/judgment/submit.server.ts: builds a Response",
      "lib/progress/reviews.server.ts: an error with a status",
      "lib/auth/learner.server.ts: names HttpError",
    ]);
  });

  it("every route answers errors through the one mapping", () => {
    expect(routesAnsweringErrorsThemselves(source)).toEqual([]);
    const broken = tree({
      "app/api/a/route.ts": "export async function GET() {}\nexport const POST = handle(async () => {});",
      "app/api/b/route.ts":
        "export const POST = handle(async () => { try { x(); } catch (e) { if (e instanceof StaleCardError) return y; } });",
    });
    expect(routesAnsweringErrorsThemselves(broken)).toEqual([
      "app/api/a/route.ts: GET is not wrapped in handle()",
      "app/api/b/route.ts: catches an error",
      "app/api/b/route.ts: tests an error's class",
    ]);
  });

  it("the Prisma client comes from lib/db only", () => {
    expect(prismaOutsideDb(source)).toEqual([]);
    const broken = tree({
      "lib/progress/db.server.ts": "export const prisma = new PrismaClient({});",
      "lib/progress/reviews.server.ts":
        'import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";',
      "lib/progress/ok.server.ts": 'import type { PrismaClient } from "@/lib/generated/prisma/client";',
      "lib/db/client.ts": 'import { PrismaClient } from "@/lib/generated/prisma/client";',
    });
    expect(prismaOutsideDb(broken)).toEqual([
      "lib/progress/db.server.ts: makes a Prisma client",
      "lib/progress/db.server.ts: exports a Prisma client",
      "lib/progress/reviews.server.ts → lib/generated/prisma/client",
    ]);
  });

  it("no two folders of lib/ import each other, directly or around a cycle", () => {
    expect(cycles(libGraph(readTree("lib")))).toEqual([]);
    const broken = tree({
      "lib/a/x.ts": 'import { y } from "../b/y";',
      "lib/b/y.ts": 'import type { z } from "@/lib/c/z";',
      "lib/c/z.ts": 'export { x } from "../a/x";',
      "lib/d/w.ts": 'import { x } from "../a/x";',
    });
    expect(cycles(libGraph(broken))).toEqual([["lib/a", "lib/b", "lib/c"]]);
  });
});
