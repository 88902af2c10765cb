import { readFileSync } from "node:fs";
import { transform } from "sucrase";
import { describe, expect, it } from "vitest";
import { listCodeExerciseSlugs } from "../content/registry";
import { runVisibleTests } from "../exercises/visible-run";
import { gradeInProcess } from "./grade-core";
import { MAX_CODE_BYTES } from "./limits";
import { transpileSubmission } from "./transpile";

const momentum = readFileSync("content/exercises/momentum/solution.ts", "utf8");

/** Coded exercises' reference solutions (judgment exercises have none). */
const solutions = (): Array<[string, string]> =>
  listCodeExerciseSlugs().map((slug) => [
    slug,
    readFileSync(`content/exercises/${slug}/solution.ts`, "utf8"),
  ]);

describe("transpileSubmission", () => {
  it("strips the types of a valid submission and turns its exports into CommonJS", () => {
    const result = transpileSubmission(
      "export interface Hyper { lr: number }\nexport function step(p: Float64Array, hp: Hyper): void { p[0] -= hp.lr; }",
    );
    if (!("js" in result)) throw new Error(result.error);
    expect(result.js).not.toMatch(/interface|: Float64Array|: void/);
    const module = { exports: {} as { step?: (p: Float64Array, hp: { lr: number }) => void } };
    new Function("exports", "module", result.js)(module.exports, module);
    const p = Float64Array.of(1);
    module.exports.step?.(p, { lr: 0.25 });
    expect(p[0]).toBe(0.75);
  });

  it("gives the same output with and without sucrase's production flag on every solution (no JSX)", () => {
    const all = solutions();
    expect(all.length).toBeGreaterThan(10);
    for (const [slug, code] of all) {
      const result = transpileSubmission(code);
      if (!("js" in result)) throw new Error(`${slug}: ${result.error}`);
      expect(result.js, slug).toBe(transform(code, { transforms: ["typescript", "imports"] }).code);
    }
  });

  it("locates a syntax error at the offending character, 1-based, stated once", () => {
    // The ";" is the 9th character of line 1.
    expect(transpileSubmission("let x = ;")).toEqual({ error: "Line 1, column 9: Unexpected token" });
    const code = "export function init(params: Float64Array) {\n  return { t: 0 ;\n}\n";
    const result = transpileSubmission(code);
    // The ";" that should have been a "}" or ",": line 2, after "  return { t: 0 ".
    const column = "  return { t: 0 ;".indexOf(";") + 1;
    expect(result).toEqual({ error: `Line 2, column ${column}: Unexpected token, expected ","` });
  });

  it("imports nothing but sucrase (the browser's Run worker bundles it)", () => {
    const imports = [...readFileSync("lib/grader/transpile.ts", "utf8").matchAll(/from "([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(imports).toEqual(["sucrase"]);
    // The comparison the Run shares has no imports at all (result.ts would bring zod to the worker).
    expect(readFileSync("lib/grader/compare.ts", "utf8")).not.toMatch(/^import /m);
  });
});

describe("Run and Submit report a syntax error in the same words", () => {
  const broken: Array<[string, string]> = [
    ["a parameter list left open", "export function init(params: Float64Array {\n}"],
    [
      "an extra parenthesis in the momentum solution",
      momentum.replace("export function step(", "export function step(("),
    ],
    ["a stray brace after the momentum solution", `${momentum}\n}`],
  ];

  it.each(broken)("%s", async (_, code) => {
    const run = runVisibleTests(code, []);
    const submit = await gradeInProcess({ exercise: "momentum", code });
    expect(run.kind).toBe("compile-error");
    expect(submit.verdict).toBe("compile-error");
    if (run.kind !== "compile-error") return;
    expect(run.message).toMatch(/^Line \d+, column \d+: /);
    expect(submit.message).toBe(run.message);
  });
});

describe("Run and Submit name the same failures the same way", () => {
  const cases: Array<[string, string, string]> = [
    ["a throw at the top level", `${momentum}\nthrow new Error("not yet");`, "runtime-error"],
    ["an undefined name at the top level", `${momentum}\nconst lr = learningRate * 2;`, "runtime-error"],
    ["code over the size limit", `${momentum}\n// ${"x".repeat(MAX_CODE_BYTES)}`, "too-large"],
  ];

  it.each(cases)("%s", async (_, code, verdict) => {
    const run = runVisibleTests(code, []);
    const submit = await gradeInProcess({ exercise: "momentum", code });
    expect(run.kind).toBe(verdict);
    expect(submit.verdict).toBe(verdict);
    if (verdict === "too-large" && run.kind !== "done") expect(run.message).toBe(submit.message);
    if (verdict === "runtime-error" && run.kind !== "done") {
      // Run reports the error as V8 names it; the grader's message carries the same text.
      expect(submit.message).toContain(run.message.replace(/^\w+: /, ""));
    }
  });
});
