// npm run bench:grader — latency and throughput of gradeSubmission for a correct Adam solution
// (forked grader processes, fresh isolate per submission, full hidden suite).
import { readFile } from "node:fs/promises";
import os from "node:os";
import { gradeSubmission, stopGraderProcesses } from "../lib/grader/pool";

const code = await readFile("content/exercises/adam/solution.ts", "utf8");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

async function gradeTimed(): Promise<number> {
  const start = performance.now();
  const result = await gradeSubmission({ exercise: "adam", code });
  if (result.verdict !== "passed")
    throw new Error(`Expected passed, got ${result.verdict}: ${result.message}`);
  return performance.now() - start;
}

try {
  // Warm-up: fork the processes, build the objective bundle, fill the reference caches.
  await Promise.all([gradeTimed(), gradeTimed()]);
  const sequential: number[] = [];
  for (let i = 0; i < 30; i++) sequential.push(await gradeTimed());
  sequential.sort((a, b) => a - b);
  console.log(
    `machine: ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)}, node ${process.version}`,
  );
  console.log(
    `sequential (30): p50 ${percentile(sequential, 0.5).toFixed(0)} ms, p95 ${percentile(sequential, 0.95).toFixed(0)} ms`,
  );
  for (const concurrency of [1, 2, 4, 8]) {
    const total = concurrency * 6;
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
    console.log(
      `concurrency ${concurrency}: ${(total / seconds).toFixed(1)}/s, p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms (${total} submissions)`,
    );
  }
} finally {
  stopGraderProcesses();
}
