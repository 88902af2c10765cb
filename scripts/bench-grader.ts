// npm run bench:grader — latency and throughput of gradeSubmission for a correct Adam, in
// TypeScript (a fresh isolate per submission) and in Python (a fresh bubblewrap process per
// submission), measured in the same run through the same pool: sequential p50/p95, then
// throughput and latency at 1, 2, 4 and 8 concurrent submissions, and Python's ratio to TypeScript.
// `-- typescript` or `-- python` measures one language only.
import { readFile } from "node:fs/promises";
import os from "node:os";
import { gradeSubmission, stopGraderProcesses } from "../lib/grader/pool";
import type { Language } from "../lib/harness/languages";
import { getPythonSandboxStatus } from "../lib/sandbox/python";

const SEQUENTIAL = 30;
const PER_WORKER = 6;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

type Figures = {
  p50: number;
  p95: number;
  throughput: Map<number, { perSecond: number; p50: number; p95: number }>;
};

async function measure(language: Language): Promise<Figures> {
  const code = await readFile(
    `content/exercises/adam/solution.${language === "python" ? "py" : "ts"}`,
    "utf8",
  );
  const gradeTimed = async (): Promise<number> => {
    const start = performance.now();
    const result = await gradeSubmission({ exercise: "adam", code, language });
    if (result.verdict !== "passed")
      throw new Error(`${language}: expected passed, got ${result.verdict}: ${result.message}`);
    return performance.now() - start;
  };
  // Warm-up: fork the processes, build the isolate script, fill the reference caches.
  await Promise.all([gradeTimed(), gradeTimed()]);
  const sequential: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await gradeTimed());
  sequential.sort((a, b) => a - b);
  const figures: Figures = {
    p50: percentile(sequential, 0.5),
    p95: percentile(sequential, 0.95),
    throughput: new Map(),
  };
  console.log(
    `${language} sequential (${SEQUENTIAL}): p50 ${figures.p50.toFixed(0)} ms, p95 ${figures.p95.toFixed(0)} ms`,
  );
  for (const concurrency of [1, 2, 4, 8]) {
    const total = concurrency * PER_WORKER;
    const latencies: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          next++;
          latencies.push(await gradeTimed());
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const row = {
      perSecond: total / seconds,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
    };
    figures.throughput.set(concurrency, row);
    console.log(
      `${language} concurrency ${concurrency}: ${row.perSecond.toFixed(1)}/s, p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms (${total} submissions)`,
    );
  }
  return figures;
}

const only = process.argv[2];
const languages: Language[] = only === "typescript" || only === "python" ? [only] : ["typescript", "python"];
const python = getPythonSandboxStatus();
try {
  console.log(
    `machine: ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)}, node ${process.version}`,
  );
  const results = new Map<Language, Figures>();
  for (const language of languages) {
    if (language === "python" && !python.available) {
      console.log(`python: not measured (${python.reason})`);
      continue;
    }
    results.set(language, await measure(language));
  }
  const ts = results.get("typescript");
  const py = results.get("python");
  if (ts && py) {
    const ratios = [1, 2, 4, 8].map((c) => {
      const t = ts.throughput.get(c)?.perSecond ?? Number.NaN;
      const p = py.throughput.get(c)?.perSecond ?? Number.NaN;
      return `${c}: ${(p / t).toFixed(2)}×`;
    });
    console.log(
      `python / typescript: sequential p50 ${(py.p50 / ts.p50).toFixed(2)}×; throughput ${ratios.join(", ")}`,
    );
  }
} finally {
  stopGraderProcesses();
}
