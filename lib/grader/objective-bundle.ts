import path from "node:path";
import { build } from "esbuild";
import * as zodMini from "zod/mini";

// zod only builds argument schemas at module load in lib/objectives; inside the isolate the host
// has already validated, so a chainable stub that exports every zod/mini name keeps zod out of
// every isolate.
const ZOD_EXPORTS = Object.keys(zodMini).filter(
  (name) => name !== "default" && /^[A-Za-z_$][\w$]*$/.test(name),
);
const ZOD_STUB = `const stub = new Proxy(function () {}, { get: () => stub, apply: () => stub });
export { ${[...new Set([...ZOD_EXPORTS, "z"])].map((name) => `stub as ${name}`).join(", ")} };`;

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
          b.onResolve({ filter: /^zod(\/mini)?$/ }, () => ({ path: "zod", namespace: "zod-stub" }));
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
