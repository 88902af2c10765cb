// bench:abuse section "http-flood": one cookie-less client floods the submit route of a real
// production server for a minute; how many submissions are stored, and how much the database grows.
// Starts scripts/server.mjs on an existing build (NEXT_DIST_DIR, default .next: `npm run build`
// first) with a fresh database of its own, and no trusted proxy, so the flood is one client.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";

type Figure = { name: string; value: number; unit: string; target?: { below: number } };

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/bench-abuse.db";
const FLOOD_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const databaseBytes = () =>
  ["", "-wal"].reduce(
    (sum, suffix) => sum + (existsSync(DB_FILE + suffix) ? statSync(DB_FILE + suffix).size : 0),
    0,
  );

async function startServer(): Promise<ChildProcess> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(`${distDir}/BUILD_ID`))
    throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(DB_FILE + suffix, { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: `file:./${DB_FILE}`,
    PORT: String(PORT),
    APP_ORIGIN: BASE,
    TRUST_PROXY: "",
  };
  execFileSync(process.execPath, ["scripts/setup.mjs", "migrate"], { stdio: "inherit", env });
  const server = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "ignore", env });
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await sleep(500);
  }
  server.kill();
  throw new Error("the server did not start");
}

/** Submissions stored per minute by one cookie-less client (must equal the limit), and the database growth. */
export async function runHttpFlood(): Promise<Figure[]> {
  const server = await startServer();
  try {
    const code = readFileSync("content/exercises/momentum/solution.ts", "utf8");
    const before = databaseBytes();
    const statuses = new Map<number, number>();
    let sent = 0;
    const started = Date.now();
    // Four requests in flight at a time, never sending a cookie back (a new guest each time).
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (Date.now() - started < FLOOD_MS) {
          const response = await fetch(`${BASE}/api/exercises/momentum/submissions`, {
            method: "POST",
            headers: {
              origin: BASE,
              "content-type": "application/json",
              "x-forwarded-for": `198.51.100.${++sent % 250}`,
            },
            body: JSON.stringify({ code }),
          });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }),
    );
    const db = new Database(DB_FILE, { readonly: true });
    const stored = (db.prepare("SELECT COUNT(*) AS n FROM Submission").get() as { n: number }).n;
    const learners = (db.prepare("SELECT COUNT(*) AS n FROM Learner").get() as { n: number }).n;
    db.close();
    const requests = [...statuses.values()].reduce((a, b) => a + b, 0);
    return [
      {
        name: "requests sent in 60 s (4 in flight, no cookie, rotating X-Forwarded-For)",
        value: requests,
        unit: "",
      },
      { name: "refused with 429", value: statuses.get(429) ?? 0, unit: "" },
      { name: "submissions stored per minute (limit 6)", value: stored, unit: "", target: { below: 7 } },
      { name: "guest learners created", value: learners, unit: "", target: { below: 7 } },
      { name: "database growth", value: (databaseBytes() - before) / 1024, unit: "KiB" },
    ];
  } finally {
    server.kill("SIGTERM");
  }
}
