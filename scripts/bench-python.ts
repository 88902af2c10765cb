// Where a Python submission's time goes: `npm run bench:python [-- rounds]`.
// Medians over the rounds, sequential, of: the sandbox with a bare interpreter, plus the NumPy
// import, the harness loading a correct Adam with no test, and the same Adam on all 9 tests.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadExerciseConfig } from "../lib/content/registry";
import { resolveTests } from "../lib/grader/grade-core";
import { BWRAP_PATH, getBaseBwrapArgs, PYTHON_PATH } from "../lib/sandbox/python/availability.mjs";
import { runPythonSubmission } from "../lib/sandbox/python/runner";

const rounds = Number(process.argv[2] ?? 20);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function timeCommand(source: string): number {
  const started = performance.now();
  const result = spawnSync(BWRAP_PATH, [...getBaseBwrapArgs(), PYTHON_PATH, "-I", "-c", source]);
  if (result.status !== 0) throw new Error(String(result.stderr));
  return performance.now() - started;
}

async function main() {
  const config = await loadExerciseConfig("adam" as Parameters<typeof loadExerciseConfig>[0]);
  const tests = resolveTests(config);
  const code = readFileSync("content/exercises/adam/solution.py", "utf8");
  await runPythonSubmission({ code, specs: tests, timeoutMs: 10_000 }); // warm: filter, probe, caches
  const bare: number[] = [];
  const numpy: number[] = [];
  const loadOnly: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < rounds; i++) {
    bare.push(timeCommand("pass"));
    numpy.push(timeCommand("import numpy"));
    loadOnly.push((await runPythonSubmission({ code, specs: [], timeoutMs: 10_000 })).wallMs);
    const started = performance.now();
    const result = await runPythonSubmission({ code, specs: tests, timeoutMs: 10_000 });
    full.push(performance.now() - started);
    if (result.runs.some((run) => run.status !== "ok")) throw new Error("Adam failed a test");
  }
  const m = { bare: median(bare), numpy: median(numpy), load: median(loadOnly), full: median(full) };
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(
    `median of ${rounds} sequential runs, correct Adam, ${tests.length} tests (${tests.reduce((s, t) => s + t.steps, 0)} steps)`,
  );
  console.log(`  sandbox + interpreter start   ${ms(m.bare)}`);
  console.log(`  + NumPy import                ${ms(m.numpy - m.bare)}  (${ms(m.numpy)})`);
  console.log(`  + harness, payload, load code ${ms(m.load - m.numpy)}  (${ms(m.load)})`);
  console.log(`  + the tests                   ${ms(m.full - m.load)}  (${ms(m.full)} per submission)`);
  for (const concurrency of [2, 4]) {
    const started = performance.now();
    let left = rounds;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left-- > 0) await runPythonSubmission({ code, specs: tests, timeoutMs: 10_000 });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${concurrency} concurrent: ${(rounds / seconds).toFixed(1)} submissions/s`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
