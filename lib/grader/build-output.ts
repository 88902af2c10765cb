import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

// The grader's compiled files (scripts/build-grader.mjs): the child process entry, the queue
// worker and the isolate script. Production uses what `npm run build` wrote; development and
// tests rebuild them once per process when a source file is newer.

let checked = false;

/** Absolute path of a compiled grader file, built first when missing or stale outside production. */
export function getGraderBuildFile(name: "isolate.js" | "grader-process.mjs" | "grader-worker.mjs"): string {
  // turbopackIgnore: a runtime file, not a module for the bundler to resolve.
  const root = path.join(/* turbopackIgnore: true */ process.cwd(), ".grader");
  const file = path.join(root, name);
  if (process.env.NODE_ENV === "production") {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before serving`);
    return file;
  }
  if (!checked) {
    execFileSync(process.execPath, [path.join(process.cwd(), "scripts", "build-grader.mjs"), "--if-stale"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    checked = true;
  }
  return file;
}
