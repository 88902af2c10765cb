import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  GRADER_DATA_LIMIT_MB,
  graderProcesses,
  gradeSubmission,
  stopGraderProcesses,
} from "@/lib/grader/pool";
import type { GradeResult } from "@/lib/grader/result";
import { withPeakMemory } from "./memory-probe";

// Every way learner code can allocate memory is contained: the verdict is never "passed" and no
// grader process grows past 256 MB (peak sampled from /proc/<pid>/status, VmHWM included).
// Before the fix, a top-level WebAssembly.Memory of 4096 pages graded as passed with the grader at
// 179-364 MB, and memories grown inside step reached 4.4 GiB (isolated-vm does not count them).
const adam = readFileSync("content/exercises/adam/solution.ts", "utf8");
const inStep = (code: string) => adam.replace("state.t += 1;", `state.t += 1;\n  ${code}`);
const grade = (code: string): Promise<GradeResult> => gradeSubmission({ exercise: "adam", code });
const PEAK_MB = 256;
// A module exporting a 4096-page (256 MiB) memory.
const WASM_BYTES = "[0,97,115,109,1,0,0,0,5,4,1,0,0x80,0x20,7,7,1,3,109,101,109,2,0]";

afterAll(() => {
  stopGraderProcesses();
  vi.unstubAllEnvs();
});

const bombs: Array<[string, string]> = [
  [
    "WebAssembly.Memory at top level, filled",
    `const m = new WebAssembly.Memory({ initial: 4096 });\nnew Uint8Array(m.buffer).fill(1);\n${adam}`,
  ],
  [
    "WebAssembly.Memory created in every step",
    `const hoard: any[] = [];\n${inStep("const m = new WebAssembly.Memory({ initial: 1024 }); new Uint8Array(m.buffer).fill(1); hoard.push(m);")}`,
  ],
  [
    "WebAssembly.Memory grown",
    `const m = new WebAssembly.Memory({ initial: 1, maximum: 65536 });\nfor (let i = 0; i < 16000; i++) { m.grow(1); new Uint8Array(m.buffer).fill(1); }\n${adam}`,
  ],
  [
    "WebAssembly.Table",
    `const t: any[] = [];\nfor (;;) t.push(new WebAssembly.Table({ initial: 10_000_000, element: "anyfunc" }));\n${adam}`,
  ],
  [
    "WebAssembly.Module and Instance compiled",
    `const bytes = new Uint8Array(${WASM_BYTES});\nconst keep: any[] = [];\nfor (;;) { const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes)); new Uint8Array((inst.exports.mem as any).buffer).fill(1); keep.push(inst); }\n${adam}`,
  ],
  [
    "WebAssembly.instantiate inside step",
    `const keep: any[] = [];\n${inStep(`WebAssembly.instantiate(new Uint8Array(${WASM_BYTES})).then((r: any) => keep.push(r));`)}`,
  ],
  [
    "heap bomb (arrays)",
    `const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1));\n${adam}`,
  ],
  [
    "ArrayBuffer bomb",
    `const hoard: ArrayBuffer[] = [];\nwhile (true) { const b = new ArrayBuffer(1e7); new Uint8Array(b).fill(1); hoard.push(b); }\n${adam}`,
  ],
  [
    "SharedArrayBuffer bomb",
    `const hoard: any[] = [];\nwhile (true) { const b = new SharedArrayBuffer(1e7); new Uint8Array(b).fill(1); hoard.push(b); }\n${adam}`,
  ],
  [
    "Float64Array bomb inside step",
    `const hoard: any[] = [];\n${inStep("hoard.push(new Float64Array(4e6).fill(1));")}`,
  ],
  ["string bomb", `let s = "x";\nfor (;;) s += s + Math.random();\n${adam}`],
];

describe("memory is capped on every allocation path", () => {
  for (const [name, code] of bombs) {
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
