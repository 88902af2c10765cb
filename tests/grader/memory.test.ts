import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GRADER_DATA_LIMIT_MB } from "@/lib/env-shared";
import { graderProcesses, gradeSubmission, stopGraderProcesses } from "@/lib/grader/pool";
import type { GradeResult } from "@/lib/grader/result";
import { adam, MEMORY_BOMBS } from "./bombs";
import { withPeakMemory } from "./memory-probe";

// Every way learner code can allocate memory is contained: the verdict is never "passed" and no
// grader process grows past 256 MB (peak sampled from /proc/<pid>/status, VmHWM included).
// Before the fix, a top-level WebAssembly.Memory of 4096 pages graded as passed with the grader at
// 179-364 MB, and memories grown inside step reached 4.4 GiB (isolated-vm does not count them).
const grade = (code: string): Promise<GradeResult> => gradeSubmission({ exercise: "adam", code });
const PEAK_MB = 256;

afterAll(() => {
  stopGraderProcesses();
  vi.unstubAllEnvs();
});

describe("memory is capped on every allocation path", () => {
  for (const [name, code] of MEMORY_BOMBS) {
    it(`${name}: not passed, grader process < ${PEAK_MB} MB`, async () => {
      const [result, peak] = await withPeakMemory(() => grade(code));
      expect(result.verdict).not.toBe("passed");
      expect(["runtime-error", "memory-limit", "timeout"]).toContain(result.verdict);
      expect(peak.pids.length).toBeGreaterThan(0);
      expect(peak.hwmMb).toBeLessThan(PEAK_MB);
      expect(peak.rssMb).toBeLessThan(PEAK_MB);
      expect((await grade(adam)).verdict).toBe("passed");
    });
  }

  it("WebAssembly is reachable from no global, eval, Function or descriptor, at load or in step", async () => {
    const probe = `
      const g: any = globalThis;
      const probes: Array<() => unknown> = [
        () => g.WebAssembly,
        () => Reflect.ownKeys(g).find((k) => /wasm|webassembly/i.test(String(k))),
        () => Object.getOwnPropertyDescriptor(g, "WebAssembly"),
        () => (0, eval)("typeof WebAssembly === 'undefined' ? undefined : WebAssembly"),
        () => Function("return this")().WebAssembly,
        () => Object.getPrototypeOf(Object.getPrototypeOf(g))?.WebAssembly,
      ];
      const reach = () => probes.map((p) => { try { return p(); } catch { return undefined; } }).filter((x) => x !== undefined);
      if (reach().length > 0) throw new Error("WebAssembly reachable at load");
    `;
    const code = `${probe}\n${adam.replace("state.t += 1;", 'state.t += 1;\n  if (reach().length > 0) throw new Error("WebAssembly reachable in step");')}`;
    const result = await grade(code);
    expect(result.message).toBe(`All ${result.tests.length} tests passed.`);
    expect(result.verdict).toBe("passed");
  });

  it("grader processes run with --no-expose-wasm, no core dumps and the OS data cap", async () => {
    expect((await grade(adam)).verdict).toBe("passed");
    const [first] = graderProcesses();
    if (!first) throw new Error("no grader process");
    const cmdline = readFileSync(`/proc/${first.pid}/cmdline`, "utf8").split("\0");
    expect(cmdline).toContain("--no-expose-wasm");
    const limits = readFileSync(`/proc/${first.pid}/limits`, "utf8");
    const data = /^Max data size\s+(\d+)\s+(\d+)/m.exec(limits);
    expect(Number(data?.[1])).toBe(GRADER_DATA_LIMIT_MB * 1024 * 1024);
    expect(Number(data?.[2])).toBe(GRADER_DATA_LIMIT_MB * 1024 * 1024);
    expect(limits).toMatch(/^Max core file size\s+0\s+0/m);
  });

  it("a grader process that reaches the OS cap dies: memory-limit, and a fresh process grades the next", async () => {
    // A cap below what the 64 MB isolate may use: the heap bomb now takes the whole process down.
    stopGraderProcesses();
    vi.stubEnv("GRADER_DATA_LIMIT_MB", "200");
    const before = graderProcesses().map((p) => p.pid);
    const result = await grade(
      `const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1));\n${adam}`,
    );
    expect(result.verdict).toBe("memory-limit");
    expect(result.message).toMatch(/grader stopped while running your code/);
    vi.unstubAllEnvs();
    stopGraderProcesses();
    expect((await grade(adam)).verdict).toBe("passed");
    for (const pid of before) expect(graderProcesses().map((p) => p.pid)).not.toContain(pid);
  });
});
