// Submissions that allocate memory by every path learner code has (tests/grader/memory.test.ts,
// scripts/bench-abuse.ts). Each ends with a correct Adam solution, so that only the allocation
// can keep it from passing.
import { readFileSync } from "node:fs";

export const adam = readFileSync("content/exercises/adam/solution.ts", "utf8");
const inStep = (code: string) => adam.replace("state.t += 1;", `state.t += 1;\n  ${code}`);
// A module exporting a 4096-page (256 MiB) memory.
export const WASM_BYTES = "[0,97,115,109,1,0,0,0,5,4,1,0,0x80,0x20,7,7,1,3,109,101,109,2,0]";

export const MEMORY_BOMBS: Array<[string, string]> = [
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
  [
    "resizable ArrayBuffer grown to 120 MB",
    `const b = new (ArrayBuffer as any)(1, { maxByteLength: 2 ** 30 });\n(b as any).resize(120 * 2 ** 20);\nnew Uint8Array(b).fill(1);\n${adam}`,
  ],
  [
    "resizable ArrayBuffer from the original constructor",
    `const AB = Object.getPrototypeOf(new Uint8Array(1).buffer).constructor;\nconst b = new AB(1, { maxByteLength: 2 ** 30 });\nconst resize = Object.getOwnPropertyDescriptor(AB.prototype, "resize")?.value;\nresize.call(b, 120 * 2 ** 20);\nnew Uint8Array(b).fill(1);\n${adam}`,
  ],
];

/** Submissions that leave memory behind in the grader process after their job (ICU objects). */
export const POISON: Array<[string, string]> = [
  [
    "Intl.Segmenter and Intl.DateTimeFormat objects",
    `const keep: any[] = [];\nfor (let i = 0; i < 20000; i++) { keep.push(new (Intl as any).Segmenter("en", { granularity: "word" })); keep.push(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tokyo" })); }\n${adam}`,
  ],
  [
    "locale-aware methods",
    `let text = "";\nfor (let i = 0; i < 20000; i++) text = (i).toLocaleString("de-DE") + "a".localeCompare("b", "fr") + new Date(0).toLocaleString("ja-JP");\n${adam}`,
  ],
];
