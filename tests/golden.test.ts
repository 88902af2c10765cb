// Golden conformance: the public PyTorch file, extra cases from an independent reference
// implementation (tests/golden-reference.ts), and the CLI's output and exit codes.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GOLDEN_RTOL, parseGoldenFile, runGoldenFile } from "../lib/optim/golden";
import { buildReferenceGoldenFile } from "./golden-reference";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// A copy kept in the repository (provenance in tests/fixtures/golden/PROVENANCE.md).
const publicFile = path.resolve(repoRoot, "tests/fixtures/golden/torch-public.json");
const extraFile = path.resolve(repoRoot, "tests/fixtures/golden-extra.json");
const run = promisify(execFile);

async function runCli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/golden.ts", file], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("public PyTorch golden file", () => {
  const file = parseGoldenFile(readFileSync(publicFile, "utf8"));

  it("passes every case at the format tolerance", () => {
    const results = runGoldenFile(file);
    expect(results).toHaveLength(23);
    for (const r of results) {
      expect(r.error).toBeUndefined();
      expect(r.worst?.scaledError ?? Number.POSITIVE_INFINITY, r.id).toBeLessThanOrEqual(GOLDEN_RTOL);
    }
  });

  it("reproduces each case's final_loss (checks the objectives' values)", () => {
    for (const [i, r] of runGoldenFile(file).entries()) {
      const expected = file.cases[i]?.final_loss;
      if (expected === undefined) continue;
      expect(Math.abs((r.finalLoss ?? Number.NaN) - expected), r.id).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(expected)),
      );
    }
  });
});

describe("extra cases from the independent reference implementation", () => {
  const built = buildReferenceGoldenFile();

  it("matches the core on every case", () => {
    const results = runGoldenFile(parseGoldenFile(JSON.stringify(built)));
    expect(results.length).toBeGreaterThanOrEqual(13);
    for (const r of results) expect(r.pass, `${r.id}: ${r.worst?.scaledError}`).toBe(true);
  });

  it("covers the objectives and options the public file lacks", () => {
    const objectives = new Set(built.cases.map((c) => c.objective.name));
    for (const name of ["beale", "booth", "styblinski_tang", "rastrigin", "logreg", "quadratic"]) {
      expect(objectives.has(name), name).toBe(true);
    }
    expect(built.cases.some((c) => c.data?.batches !== undefined)).toBe(true);
    expect(built.cases.some((c) => c.objective.name === "quadratic" && c.x0.length === 1)).toBe(true);
    const optimizers = new Set(built.cases.map((c) => c.optimizer));
    expect(optimizers.size).toBe(10);
  });

  it("is what the committed fixture holds (regenerate with: npx tsx tests/golden-reference.ts)", () => {
    const committed = parseGoldenFile(readFileSync(extraFile, "utf8"));
    const fresh = parseGoldenFile(JSON.stringify(built));
    expect(committed.cases.map((c) => c.id)).toEqual(fresh.cases.map((c) => c.id));
    for (const [i, c] of committed.cases.entries()) {
      const f = fresh.cases[i];
      expect(Object.keys(c.checkpoints)).toEqual(Object.keys(f?.checkpoints ?? {}));
      for (const [step, point] of Object.entries(c.checkpoints)) {
        point.forEach((v, j) => {
          expect(
            Math.abs(v - (f?.checkpoints[step]?.[j] ?? Number.NaN)),
            `${c.id} step ${step}`,
          ).toBeLessThan(1e-12);
        });
      }
    }
  });
});

describe("golden CLI", () => {
  it("prints one line per case and ends with the summary, exit 0", async () => {
    const { code, stdout } = await runCli(extraFile);
    const lines = stdout.trim().split("\n");
    const n = parseGoldenFile(readFileSync(extraFile, "utf8")).cases.length;
    expect(lines).toHaveLength(n + 1);
    expect(lines.at(-1)).toBe(`${n} passed, 0 failed`);
    expect(lines[0]).toMatch(/^\S+ {2}PASS {2}worst \S+ at step \d+, x\[\d+\]/);
    expect(code).toBe(0);
  });

  it("fails a corrupted case, names where, and exits 1", async () => {
    const raw = JSON.parse(readFileSync(extraFile, "utf8")) as {
      cases: { id: string; checkpoints: Record<string, number[]> }[];
    };
    const victim = raw.cases[1];
    const point = victim?.checkpoints["7"];
    if (victim === undefined || point === undefined) throw new Error("fixture changed shape");
    point[0] = (point[0] ?? 0) + 1e-6;
    const dir = mkdtempSync(path.join(tmpdir(), "golden-"));
    const file = path.join(dir, "corrupted.json");
    writeFileSync(file, JSON.stringify(raw));
    const { code, stdout } = await runCli(file);
    const lines = stdout.trim().split("\n");
    expect(lines.at(-1)).toBe(`${raw.cases.length - 1} passed, 1 failed`);
    expect(lines.find((l) => l.startsWith(`${victim.id} `))).toMatch(/FAIL {2}worst \S+ at step 7, x\[0\]/);
    expect(code).toBe(1);
  });

  it("rejects a malformed file with a message saying where, exit 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "golden-"));
    const file = path.join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({ format: "optim-golden/1", cases: [{ id: "x", optimizer: "adam" }] }),
    );
    const { code, stderr } = await runCli(file);
    expect(stderr).toContain("not an optim-golden/1 file");
    expect(stderr).toContain("cases[0].objective");
    expect(code).toBe(2);
  });
});
