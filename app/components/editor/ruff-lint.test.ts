import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initSync, PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-web";
import { beforeAll, describe, expect, it } from "vitest";
import { listCodeExerciseSlugs } from "@/lib/content/registry";
import { type LintMarker, RUFF_SETTINGS, toLintMarkers } from "./ruff-lint";

// The Python editor's diagnostics, with the same Ruff build and settings as its worker (ruff.worker.ts).

let workspace: Workspace;
const lint = (code: string): LintMarker[] => toLintMarkers(workspace.check(code));

beforeAll(() => {
  const wasm = createRequire(import.meta.url).resolve("@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm");
  initSync({ module: readFileSync(wasm) });
  workspace = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
});

describe.each(listCodeExerciseSlugs())("content/exercises/%s", (slug) => {
  it.each(["starter.py", "solution.py"])("%s shows no marker", (file) => {
    expect(lint(readFileSync(`content/exercises/${slug}/${file}`, "utf8"))).toEqual([]);
  });
});

describe("a mistake", () => {
  const solution = readFileSync("content/exercises/adam/solution.py", "utf8");
  const lineOf = (code: string, text: string) => code.split("\n").findIndex((line) => line.includes(text)) + 1;

  it("an undefined name shows one marker, on its line", () => {
    const code = solution.replace("hp.lr", "hpp.lr");
    expect(lint(code)).toMatchObject([{ code: "F821", startLineNumber: lineOf(code, "hpp.lr") }]);
  });

  it("a syntax error is marked on its line, as a SyntaxError", () => {
    const code = solution.replace("def step(params, grad, state, hp):", "def step(params, grad, state, hp)");
    const markers = lint(code);
    expect(markers.length).toBeGreaterThan(0);
    expect(markers[0]).toMatchObject({ code: null, startLineNumber: lineOf(code, "def step(") });
    expect(markers[0]?.message).toMatch(/^SyntaxError: /);
  });

  it("an unused import is not a mistake here", () => {
    expect(lint("import os\nimport numpy as np\n")).toEqual([]);
  });
});
