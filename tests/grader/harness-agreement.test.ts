import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ExerciseConfig, type HiddenTest, resolveX0 } from "@/lib/content/exercise-schema";
import { listCodeExerciseSlugs, loadExerciseConfig } from "@/lib/content/registry";
import { resolveTests } from "@/lib/grader/grade-core";
import { runReference } from "@/lib/grader/reference";
import { loadSubmission } from "@/lib/grader/sandbox";
import { transpileSubmission } from "@/lib/grader/transpile";
import { runVisibleTests } from "@/lib/exercises/visible-run";
import { createObjective } from "@/lib/objectives";
import type { Objective, ObjectiveName } from "@/lib/objectives/types";

// Run (the browser), Submit (the isolate driver) and the test_code shown to learners must describe
// the same loop. For every test of every coded exercise, the reference solution is run three ways:
// in the sandbox, by the browser's Run against the reference's every step, and by executing the
// test_code text itself with the objectives and helpers it names. The last parameters must agree
// exactly: the same engine running the same loop gives the same bits.

type Loaded = { init: unknown; step: unknown };

function loadSolution(js: string): Loaded {
  const module = { exports: {} as Loaded };
  new Function("exports", "module", "require", js)(module.exports, module, () => {
    throw new Error("no modules");
  });
  return module.exports;
}

/** Executes a test's test_code with the learner's init and step; returns the flat parameters. */
function executeTestCode(code: string, test: HiddenTest, learner: Loaded, args: Record<string, unknown>): Float64Array {
  // A long explicit x0 is shown abbreviated; the executable copy gets the values back.
  const runnable = code.replace(/Float64Array\.of\([^)]*… \/\* \d+ values \*\/\)/, `Float64Array.of(${resolveX0(test).join(", ")})`);
  const objective = (name: ObjectiveName) => () => createObjective(name, args, { dim: test.dim });
  const names: ObjectiveName[] = ["rosenbrock", "quadratic", "himmelblau", "beale", "booth", "styblinski_tang", "rastrigin", "least_squares"];
  const seededUniform = (dim: number, o: { seed: number; low: number; high: number }) =>
    Float64Array.from(resolveX0({ ...test, dim, x0: { seed: o.seed, scale: (o.high - o.low) / 2, center: (o.high + o.low) / 2 } }));
  const dataOf = (f: Objective) =>
    Object.freeze({
      size: f.examples ?? 0,
      order: (epoch: number) => f.epochOrder?.(epoch) ?? [],
      gradient: (i: number, p: Float64Array, out: Float64Array) => f.exampleGradient?.(i, p, out),
    });
  const body = `${runnable}\nreturn typeof x !== "undefined" ? x : params;`;
  const run = new Function(...names, "seededUniform", "dataOf", "init", "step", "x", body.replace(/\bconst x = /, "x = "));
  return run(...names.map(objective), seededUniform, dataOf, learner.init, learner.step, undefined) as Float64Array;
}

describe("Run, Submit and test_code run the same loop", () => {
  for (const slug of listCodeExerciseSlugs()) {
    it(`${slug}: every test agrees three ways`, async () => {
      const config: ExerciseConfig = await loadExerciseConfig(slug);
      const solution = readFileSync(`content/exercises/${slug}/solution.ts`, "utf8");
      const transpiled = transpileSubmission(solution);
      if ("error" in transpiled) throw new Error(transpiled.error);
      const tests = resolveTests(config);
      const definitions = [...config.visibleTests, ...config.hiddenTests];
      const loaded = await loadSubmission(transpiled.js, tests, 2000);
      if (!("run" in loaded)) throw new Error(`${slug}: ${loaded.message}`);
      try {
        for (const [index, test] of tests.entries()) {
          const submitted = await loaded.run(index, 5000);
          expect(submitted.status, `${slug} / ${test.name}`).toBe("ok");
          const last = submitted.recorded.subarray((test.record.length - 1) * test.dim);

          const shown = executeTestCode(test.testCode, definitions[index] as HiddenTest, loadSolution(transpiled.js), test.args);
          expect(Array.from(shown), `${slug} / ${test.name}: test_code`).toEqual(Array.from(last));

          // Run compares every step with the reference; a reference of every step for this test:
          const everyStep = { ...test, record: Array.from({ length: test.steps }, (_, k) => k + 1) };
          const reference = runReference(config, everyStep);
          const expected = [test.x0, ...Array.from({ length: test.steps }, (_, k) => Array.from(reference.subarray(k * test.dim, (k + 1) * test.dim)))];
          if (test.dim * test.steps > 200_000) continue; // Run's tests are small; the 10,000-D ones stay on the server
          const ran = runVisibleTests(solution, [
            {
              name: test.name,
              objective: { name: test.objective, args: test.args },
              dim: test.dim,
              x0: test.x0,
              steps: test.steps,
              hp: test.hp,
              ...(test.layers ? { layers: test.layers } : {}),
              ...(test.minibatch ? { minibatch: { batchSize: 0 } } : {}),
              expected,
            },
          ]);
          expect(ran.kind === "done" && ran.tests[0]?.status, `${slug} / ${test.name}: Run`).toBe("pass");
        }
      } finally {
        loaded.dispose();
      }
    });
  }
});
