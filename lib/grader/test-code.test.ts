import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { type ExerciseConfig, type HiddenTest, resolveX0 } from "../content/exercise-schema";
import { type ExerciseSlug, listCodeExerciseSlugs, loadExerciseConfig } from "../content/registry";
import { resolveTests } from "./grade-core";
import { gradeSubmission, stopGraderProcesses } from "./pool";
import { GradeResultSchema } from "./result";
import { writeTestCode } from "./test-code";

afterAll(() => stopGraderProcesses());

const config = (slug: string) => loadExerciseConfig(slug as ExerciseSlug);
const hidden = (c: ExerciseConfig, name: string): HiddenTest => {
  const test = c.hiddenTests.find((t) => t.name === name);
  if (!test) throw new Error(`no hidden test ${name}`);
  return test;
};

describe("writeTestCode", () => {
  it("writes a plain test as the loop the driver runs, from the exercise.json definition", async () => {
    const adam = await config("adam");
    expect(writeTestCode(adam, hidden(adam, "Rosenbrock 2-D, 1000 steps"))).toBe(
      [
        "const f = rosenbrock();",
        "const params = Float64Array.of(-1.2, 1);",
        "const grad = new Float64Array(2);",
        "const hp = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 };",
        "const state = init(params);",
        "for (let t = 1; t <= 1000; t++) {",
        "  f.gradient(params, grad); // grad ← ∇f(params)",
        "  step(params, grad, state, hp);",
        "}",
        "// params are compared with the reference trajectory after every step",
      ].join("\n"),
    );
  });

  it("writes a small seeded start as the drawn values, a large one as the seed", async () => {
    const adam = await config("adam");
    const small = hidden(adam, "Himmelblau, β1 = 0.5, β2 = 0.9");
    expect(writeTestCode(adam, small)).toContain(
      `const params = Float64Array.of(${resolveX0(small).join(", ")}); // uniform in [-4, 4], seed 21`,
    );
    const large = writeTestCode(adam, hidden(adam, "Quadratic 10,000-D, 30 steps"));
    expect(large).toContain("const f = quadratic({ condition: 100 });");
    expect(large).toContain("seededUniform(10000, { seed: 42, low: -1, high: 1 })");
    // Long runs are recorded every k-th step (reference.ts getRecordSteps), and the text says so.
    expect(large).toContain("every 2 steps and after the last");
  });

  it("writes tensors as views of one vector, and mini-batches with the data set", async () => {
    const lamb = await config("lamb");
    const layered = writeTestCode(lamb, hidden(lamb, "Styblinski-Tang 20-D in three layers, seeded"));
    expect(layered).toContain("const params = [x.subarray(0, 12), x.subarray(12, 18), x.subarray(18, 20)];");
    expect(layered).toContain("  step(params, grads, state, hp);");
    const minibatch = await config("minibatch-sgd");
    const batched = writeTestCode(minibatch, minibatch.hiddenTests[0] as HiddenTest);
    expect(batched).toContain("const data = dataOf(f); // 20 examples");
    expect(batched).toContain("  grad.fill(0);\n  step(params, grad, state, hp, data);");
    expect(batched).not.toContain("f.gradient");
  });

  it("states every test's steps and hyper-parameters, on every coded exercise", async () => {
    for (const slug of listCodeExerciseSlugs()) {
      const c = await config(slug);
      for (const test of [...c.visibleTests, ...c.hiddenTests]) {
        const code = writeTestCode(c, test);
        expect(code, `${slug}: ${test.name}`).toContain(`t <= ${test.steps};`);
        for (const [name, value] of Object.entries(test.hp))
          expect(code, `${slug}: ${test.name}`).toContain(`${name}: ${value}`);
      }
    }
  });
});

describe("test_code in graded results", () => {
  it.each(["starter", "solution"])(
    "every test of a graded submission (the %s) carries the test_code of its definition, in order",
    async (file) => {
      const momentum = await config("momentum");
      const code = readFileSync(`content/exercises/momentum/${file}.ts`, "utf8");
      const result = GradeResultSchema.parse(await gradeSubmission({ exercise: "momentum", code }));
      expect(result.version).toBe(2);
      expect(result.verdict).toBe(file === "solution" ? "passed" : "failed");
      const definitions = [...momentum.visibleTests, ...momentum.hiddenTests];
      expect(result.tests.map((t) => t.test_code)).toEqual(
        definitions.map((t) => writeTestCode(momentum, t)),
      );
      expect(resolveTests(momentum).map((t) => t.testCode)).toEqual(result.tests.map((t) => t.test_code));
    },
  );
});
