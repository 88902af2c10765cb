import path from "node:path";
import { build } from "esbuild";

// zod only builds argument schemas at module load in lib/objectives; inside the isolate the host
// has already validated, so a chainable stub keeps the bundle small (no zod in every isolate).
const ZOD_STUB =
  "const stub = new Proxy(function () {}, { get: () => stub, apply: () => stub }); export const z = stub;";

let pending: Promise<string> | null = null;

/** The objectives as an IIFE script defining `__descentObjectives.makeObjective` (built once). */
export function getObjectiveBundle(): Promise<string> {
  pending ??= build({
    entryPoints: [path.join(process.cwd(), "lib", "grader", "isolate-objectives.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "__descentObjectives",
    target: "es2022",
    logLevel: "silent",
    plugins: [
      {
        name: "zod-stub",
        setup(b) {
          b.onResolve({ filter: /^zod$/ }, () => ({ path: "zod", namespace: "zod-stub" }));
          b.onLoad({ filter: /.*/, namespace: "zod-stub" }, () => ({ contents: ZOD_STUB, loader: "js" }));
        },
      },
    ],
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error("esbuild produced no objective bundle");
    return file.text;
  });
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
