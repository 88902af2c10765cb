#!/usr/bin/env node
// Compiles the grader for Node at build time, so that production runs no TypeScript and needs
// no dev tool: the grader child process, the queue worker, and the script every grading isolate
// runs before the learner's code (the driver with the objectives). Output: .grader/ (ignored by
// git). `npm run build` runs it; in development and tests lib/grader/build-output.ts runs it when
// a source is newer than the output. `--if-stale` skips a build whose output is newer than every
// source file under lib/ and scripts/.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import * as zodMini from "zod/mini";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, ".grader");
const OUTPUTS = {
  isolate: "isolate.js",
  process: "grader-process.mjs",
  worker: "grader-worker.mjs",
};

// zod only builds argument schemas at module load in lib/objectives; inside the isolate the host
// has already validated, so a chainable stub exporting every zod/mini name keeps zod out.
const zodNames = [...new Set([...Object.keys(zodMini), "z"])].filter(
  (name) => name !== "default" && /^[A-Za-z_$][\w$]*$/.test(name),
);
const zodStub = {
  name: "zod-stub",
  setup(b) {
    b.onResolve({ filter: /^zod(\/mini)?$/ }, () => ({ path: "zod", namespace: "zod-stub" }));
    b.onLoad({ filter: /.*/, namespace: "zod-stub" }, () => ({
      contents: `const stub = new Proxy(function () {}, { get: () => stub, apply: () => stub });
export { ${zodNames.map((name) => `stub as ${name}`).join(", ")} };`,
      loader: "js",
    }));
  },
};

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.(ts|mts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function isFresh() {
  try {
    const built = Math.min(...Object.values(OUTPUTS).map((name) => statSync(path.join(outDir, name)).mtimeMs));
    const sources = Math.max(newestSource(path.join(root, "lib")), newestSource(path.join(root, "scripts")));
    return built > sources;
  } catch {
    return false;
  }
}

// Written under a temporary name, then renamed: parallel test workers may build at once.
function writeAtomically(name, text) {
  const file = path.join(outDir, name);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

async function bundle(options) {
  const result = await build({ bundle: true, write: false, logLevel: "silent", ...options });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${options.entryPoints}`);
  return file.text;
}

export async function buildGrader() {
  mkdirSync(outDir, { recursive: true });
  const node = {
    platform: "node",
    format: "esm",
    target: "node20",
    // Packages stay in node_modules (production dependencies); only the project's code is bundled.
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    banner: { js: "import { createRequire as __descentRequire } from 'node:module'; const require = __descentRequire(import.meta.url);" },
  };
  const [isolate, child, worker] = await Promise.all([
    bundle({
      entryPoints: [path.join(root, "lib/harness/isolate-driver.ts")],
      format: "iife",
      target: "es2022",
      plugins: [zodStub],
    }),
    bundle({ ...node, entryPoints: [path.join(root, "lib/grader/grader-process.ts")] }),
    bundle({ ...node, entryPoints: [path.join(root, "scripts/grader-worker.ts")] }),
  ]);
  writeAtomically(OUTPUTS.isolate, isolate);
  writeAtomically(OUTPUTS.process, child);
  writeAtomically(OUTPUTS.worker, worker);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!(process.argv.includes("--if-stale") && isFresh())) await buildGrader();
}
