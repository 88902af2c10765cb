// npm run bench:abuse [-- SECTION ...] — what abusive learners can do to others, measured.
// Sections run in order (all by default; name some to run only those). Each returns figures with
// an optional target; the script prints one table and exits 1 if a target is missed.
// Add a section: write an `async (): Promise<Figure[]>` and list it in SECTIONS.
import os from "node:os";
import { readGraderSettings } from "@/lib/env-shared";
import { graderProcesses, gradeSubmission, resetGraderUsage, stopGraderProcesses } from "@/lib/grader/pool";
import { adam, MEMORY_BOMBS } from "@/tests/grader/bombs";
import { withPeakMemory } from "@/tests/grader/memory-probe";
import { runHttpFlood } from "./bench-abuse-http";
import { runAbuseMixes } from "./bench-abuse-mixes";

type Figure = { name: string; value: number; unit: string; target?: { below: number } };
type Section = { id: string; title: string; run: () => Promise<Figure[]> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const endless = adam.replace("state.t += 1;", "state.t += 1;\n  for (;;) {}");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** Restarts the grader pool and forks every process before anything is timed. */
async function freshPool(): Promise<void> {
  stopGraderProcesses();
  const { processes, quietProcesses } = readGraderSettings();
  const n = processes + quietProcesses;
  await Promise.all(Array.from({ length: n }, () => gradeSubmission({ exercise: "adam", code: adam })));
  resetGraderUsage();
}

/**
 * 12 learners submit endless loops back to back (each resubmits as soon as it has a verdict), while
 * quiet learners submit a correct solution, one every ~1.5 s in all; latency of their submissions
 * from request to verdict. `clients`: how many network clients the 12 loopers share.
 */
async function quietLatency(
  clients: 1 | 12,
  samples: number,
): Promise<{ latencies: number[]; loops: number }> {
  await freshPool();
  let stop = false;
  let loops = 0;
  const loopers = Array.from({ length: 12 }, async (_, i) => {
    while (!stop) {
      try {
        const r = await gradeSubmission({
          exercise: "adam",
          code: endless,
          learner: `looper-${i}`,
          client: clients === 1 ? "attacker" : `attacker-${i}`,
        });
        if (r.verdict === "timeout") loops++;
        else await sleep(100);
      } catch {
        await sleep(100);
      }
    }
  });
  // Distinct clients: measure once every looper has been graded (its first turn is a fresh
  // learner's, indistinguishable from the quiet one's); one client: from the first second.
  await sleep(clients === 1 ? 1_000 : 0);
  if (clients === 12) while (loops < 12) await sleep(100);
  const latencies: number[] = [];
  for (let k = 0; k < samples; k++) {
    const started = performance.now();
    // Five quiet learners on five clients take turns: each submits about every 5 s, more often
    // than the 6-a-minute limit allows.
    const quiet = `quiet-${k % 5}`;
    const r = await gradeSubmission({ exercise: "adam", code: adam, learner: quiet, client: quiet });
    if (r.verdict !== "passed") throw new Error(`quiet learner got ${r.verdict}: ${r.message}`);
    latencies.push(performance.now() - started);
    await sleep(1_000);
  }
  stop = true;
  await Promise.all(loopers);
  return { latencies, loops };
}

const SECTIONS: Section[] = [
  {
    id: "grader-fairness",
    title: "Grader: a quiet learner's correct submission while 12 learners submit endless loops",
    async run() {
      const figures: Figure[] = [];
      for (const clients of [1, 12] as const) {
        const { latencies, loops } = await quietLatency(clients, 20);
        const label =
          clients === 1 ? "12 loopers behind one client" : "12 loopers, 12 clients (after their first turn)";
        figures.push(
          { name: `${label}: quiet p50`, value: percentile(latencies, 0.5), unit: "ms" },
          {
            name: `${label}: quiet p95`,
            value: percentile(latencies, 0.95),
            unit: "ms",
            target: { below: 3000 },
          },
          { name: `${label}: quiet max`, value: Math.max(...latencies), unit: "ms" },
          { name: `${label}: endless loops graded meanwhile`, value: loops, unit: "" },
        );
      }
      return figures;
    },
  },
  {
    id: "grader-memory",
    title: "Grader: peak memory of a grader process during each memory bomb",
    async run() {
      const figures: Figure[] = [];
      for (const [name, code] of MEMORY_BOMBS) {
        // Fresh processes for each bomb: VmHWM is a process's peak since it started.
        await freshPool();
        const [result, peak] = await withPeakMemory(() => gradeSubmission({ exercise: "adam", code }));
        if (result.verdict === "passed") throw new Error(`${name} passed`);
        figures.push({
          name: `${name} → ${result.verdict}: peak RSS`,
          value: Math.max(peak.hwmMb, peak.rssMb),
          unit: "MB",
          target: { below: 256 },
        });
      }
      await freshPool();
      const [, idle] = await withPeakMemory(() => gradeSubmission({ exercise: "adam", code: adam }));
      figures.push({ name: "correct solution (for comparison): peak RSS", value: idle.hwmMb, unit: "MB" });
      figures.push({ name: "grader processes alive at the end", value: graderProcesses().length, unit: "" });
      return figures;
    },
  },
];

SECTIONS.push({
  id: "mixes",
  title:
    "Grader: a quiet learner's correct Adam every ~2 s while 9 attackers on 3 clients, at the route's limits, send each mix for a minute",
  run: runAbuseMixes,
});

SECTIONS.push({
  id: "http-flood",
  title: "HTTP: one cookie-less client floods the submit route for a minute (production server)",
  run: runHttpFlood,
});

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !SECTIONS.some((s) => s.id === id));
if (unknown.length > 0) {
  console.error(`Unknown section(s) ${unknown.join(", ")}; known: ${SECTIONS.map((s) => s.id).join(", ")}`);
  process.exit(2);
}
console.log(
  `machine: ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)}, node ${process.version}, ${new Date().toISOString()}`,
);
let missed = 0;
try {
  for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.id))) {
    console.log(`\n## ${section.title} (${section.id})\n\n| figure | value | target |\n|---|---|---|`);
    for (const f of await section.run()) {
      const ok = f.target === undefined || f.value < f.target.below;
      if (!ok) missed++;
      const target = f.target ? `< ${f.target.below} ${f.unit}${ok ? "" : " **missed**"}` : "";
      console.log(
        `| ${f.name} | ${Number.isInteger(f.value) ? f.value : f.value.toFixed(0)} ${f.unit} | ${target} |`,
      );
    }
  }
} finally {
  stopGraderProcesses();
}
process.exitCode = missed > 0 ? 1 : 0;
