// bench:abuse section "mixes": the security probe's attacks on the grader, each mix for
// a minute through the real pool, while one quiet learner submits a correct Adam every ~2 s. The
// attackers are 9 learners behind 3 network clients, held to the submit route's limits (6
// submissions a minute per learner, 20 per client), each resubmitting as soon as it has an answer.
// Per mix: the quiet learner's latency (request to verdict) and what the grader went through.
// BENCH_MIX_SECONDS shortens the mixes for trying the script out; BENCH_MIXES=crash,all runs only
// the mixes whose names contain one of these words; BENCH_VERBOSE=1 prints every quiet sample.
import { readGraderSettings } from "@/lib/env-shared";
import { graderPoolStats, gradeSubmission, resetGraderUsage, stopGraderProcesses } from "@/lib/grader/pool";
import { adam } from "@/tests/grader/bombs";

type Figure = { name: string; value: number; unit: string; target?: { below: number } };

const MIX_MS = Number(process.env.BENCH_MIX_SECONDS ?? 60) * 1_000;
const QUIET_PAUSE_MS = 2_000;
const CLIENTS = 3;
const LEARNERS_PER_CLIENT = 3;
/** The submit route's limits (per learner, per client, per minute). */
const LEARNER_PER_MINUTE = 6;
const CLIENT_PER_MINUTE = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inStep = (code: string) => adam.replace("state.t += 1;", `state.t += 1;\n  ${code}`);

/** The attacks, each ending with a correct Adam so that only the attack can keep it from passing. */
const ATTACKS = {
  loop: inStep("for (;;) {}"),
  burn: `{ const end = Date.now() + 1_400; while (Date.now() < end) {} }\n${adam}`,
  // The isolate's heap fills through a Map; V8's out-of-memory handling takes the process down.
  crash: `const m = new Map();\nfor (let i = 0; ; i++) m.set(i, { i });\n${adam}`,
  segmenters: `const keep: any[] = [];\nfor (let i = 0; i < 200_000; i++) keep.push(new (Intl as any).Segmenter("en", { granularity: "word" }));\n${adam}`,
  resizable: `const b = new (ArrayBuffer as any)(0, { maxByteLength: 2 ** 32 });\nfor (let n = 1; n <= 256; n++) { b.resize(n * 2 ** 24); new Uint8Array(b).fill(1); }\n${adam}`,
  // The probe's hold: the driver read test fields through the prototype chain, and the error's
  // looping message getter was read on the host without a time limit (30 s each).
  holdDriver: `const boom = () => { throw { get message() { for (;;) {} } }; };\nfor (const key of ["layers", "minibatch", "steps", "record", "hp"]) Object.defineProperty(Object.prototype, key, { get: boom, configurable: true });\n${adam}`,
  // The same error thrown from the learner's own step.
  holdStep: `Object.defineProperty(Object.prototype, "hold", { get() { throw { get message() { for (;;) {} } }; } });\n${inStep("(state as any).hold;")}`,
};

const MIXES: Array<{ name: string; attacks: Array<keyof typeof ATTACKS> }> = [
  { name: "endless loops", attacks: ["loop"] },
  { name: "1.4 s burns", attacks: ["burn"] },
  { name: "crash bombs", attacks: ["crash"] },
  { name: "memory poison (Intl.Segmenter, resizable ArrayBuffer)", attacks: ["segmenters", "resizable"] },
  { name: "30 s holds (looping error message)", attacks: ["holdDriver", "holdStep"] },
  {
    name: "all of the above",
    attacks: ["loop", "burn", "crash", "segmenters", "resizable", "holdDriver", "holdStep"],
  },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** A sliding one-minute window of submissions: waits until one more is allowed, then counts it. */
function limiter(perMinute: number): () => Promise<void> {
  const sent: number[] = [];
  return async () => {
    for (;;) {
      const now = Date.now();
      while (sent.length > 0 && (sent[0] ?? 0) <= now - 60_000) sent.shift();
      if (sent.length < perMinute) {
        sent.push(now);
        return;
      }
      await sleep((sent[0] ?? now) + 60_000 - now + 5);
    }
  };
}

/** Restarts the grader pool, starts every process and the spare, and forgets all usage. */
async function freshPool(): Promise<void> {
  stopGraderProcesses();
  const { processes, quietProcesses } = readGraderSettings();
  await Promise.all(
    Array.from({ length: processes + quietProcesses }, () =>
      gradeSubmission({ exercise: "adam", code: adam }),
    ),
  );
  await sleep(1_500); // the spare starts once the first job is answered
  resetGraderUsage();
}

async function runMix(attacks: Array<keyof typeof ATTACKS>) {
  await freshPool();
  const before = graderPoolStats();
  const ends = Date.now() + MIX_MS;
  const verdicts = new Map<string, number>();
  const attackers = Array.from({ length: CLIENTS }, (_, c) => {
    const client = `attacker-${c}`;
    const clientLimit = limiter(CLIENT_PER_MINUTE);
    return Array.from({ length: LEARNERS_PER_CLIENT }, async (_, l) => {
      const learnerLimit = limiter(LEARNER_PER_MINUTE);
      for (let k = c + l; Date.now() < ends; k++) {
        await learnerLimit();
        await clientLimit();
        if (Date.now() >= ends) break;
        const attack = attacks[k % attacks.length] as keyof typeof ATTACKS;
        const verdict = await gradeSubmission({
          exercise: "adam",
          code: ATTACKS[attack],
          learner: `${client}-learner-${l}`,
          client,
        }).then(
          (r) => r.verdict as string,
          (e: Error) => e.name,
        );
        verdicts.set(`${attack} → ${verdict}`, (verdicts.get(`${attack} → ${verdict}`) ?? 0) + 1);
      }
    });
  });
  const latencies: number[] = [];
  let failures = 0;
  const mixStarted = performance.now();
  while (Date.now() < ends) {
    const started = performance.now();
    const r = await gradeSubmission({
      exercise: "adam",
      code: adam,
      learner: "quiet",
      client: "quiet-client",
    });
    latencies.push(performance.now() - started);
    if (process.env.BENCH_VERBOSE)
      console.error(
        `[mixes] t=${((started - mixStarted) / 1000).toFixed(1)} s: quiet ${r.verdict} in ${Math.round(performance.now() - started)} ms, ${JSON.stringify(graderPoolStats())}`,
      );
    if (r.verdict !== "passed") failures++;
    await sleep(QUIET_PAUSE_MS);
  }
  await Promise.all(attackers.flat());
  const after = graderPoolStats();
  return {
    latencies,
    failures,
    verdicts,
    starts: after.starts - before.starts,
    crashes: after.crashes - before.crashes,
    retired: after.retired - before.retired,
    timeouts: after.timeouts - before.timeouts,
  };
}

export async function runAbuseMixes(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const only = process.env.BENCH_MIXES?.split(",").filter(Boolean);
  for (const mix of MIXES.filter((m) => !only || only.some((word) => m.name.includes(word)))) {
    const r = await runMix(mix.attacks);
    const attacked = [...r.verdicts].map(([what, n]) => `${n}× ${what}`).join(", ");
    console.error(`[mixes] ${mix.name}: ${attacked}`);
    figures.push(
      { name: `${mix.name}: quiet p50`, value: percentile(r.latencies, 0.5), unit: "ms" },
      {
        name: `${mix.name}: quiet p95`,
        value: percentile(r.latencies, 0.95),
        unit: "ms",
        target: { below: 3000 },
      },
      { name: `${mix.name}: quiet max`, value: Math.max(...r.latencies), unit: "ms" },
      {
        name: `${mix.name}: quiet submissions (not passed)`,
        value: r.latencies.length,
        unit: `(${r.failures})`,
      },
      {
        name: `${mix.name}: attacks answered`,
        value: [...r.verdicts.values()].reduce((a, b) => a + b, 0),
        unit: "",
      },
      {
        name: `${mix.name}: process starts (crashes, retired, hard timeouts)`,
        value: r.starts,
        unit: `(${r.crashes}, ${r.retired}, ${r.timeouts})`,
      },
    );
  }
  return figures;
}
