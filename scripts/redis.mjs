#!/usr/bin/env node
// A throwaway Redis server for tests and benchmarks (for the grading queue): finds (or
// installs, from Debian's `redis-server` package) redis-server, starts it on 127.0.0.1 at a free
// port with its data in a temporary directory (append-only file on, so a restart keeps the
// queue), and hands back its URL. restart() stops it (SIGTERM: it writes its data) and starts it
// again on the same port and data; stop() shuts it down and deletes the directory, as does the
// process exiting.
//
// Library:
//   import { startRedis } from "./scripts/redis.mjs";
//   const redis = await startRedis();   // { url, port, dir, restart, kill, stop }
// CLI:
//   node scripts/redis.mjs                 prints REDIS_URL=… and runs until Ctrl-C (or SIGTERM)
//   node scripts/redis.mjs -- <cmd> [args] runs <cmd> with REDIS_URL set, then stops; exits with its code
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./pg.mjs";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function which(command) {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** redis-server's path: REDIS_SERVER, else the one on PATH (installing Debian's package when root). */
export function findRedisServer(log = (line) => console.error(`[redis] ${line}`)) {
  const found =
    process.env.REDIS_SERVER ?? which("redis-server") ?? (existsBinary() ? "/usr/bin/redis-server" : null);
  if (found) return found;
  const sudo = isRoot ? [] : spawnSync("sudo", ["-n", "true"]).status === 0 ? ["sudo", "-n"] : null;
  if (!sudo || !which("apt-get"))
    throw new Error(
      "redis-server is not installed and cannot be installed automatically (needs apt-get as root or password-less sudo). " +
        "Install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`) or set REDIS_SERVER to its path.",
    );
  log("redis-server not found: installing Debian's redis-server package");
  const run = (args) => {
    const [command, ...rest] = [...sudo, ...args];
    execFileSync(command, rest, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  };
  run(["apt-get", "update"]);
  run(["apt-get", "install", "-y", "--no-install-recommends", "redis-server"]);
  const installed = which("redis-server");
  if (!installed) throw new Error("installed redis-server but cannot find it on PATH");
  return installed;
}

function existsBinary() {
  return spawnSync("test", ["-x", "/usr/bin/redis-server"]).status === 0;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true once a PING on 127.0.0.1:port is answered with PONG. */
function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let answer = "";
    socket.setTimeout(500, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk;
      if (answer.includes("\r\n")) {
        socket.destroy();
        resolve(answer.startsWith("+PONG"));
      }
    });
    socket.on("error", () => resolve(false));
    socket.on("close", () => resolve(false));
  });
}

/**
 * Starts a throwaway Redis.
 * @param {{ port?: number, log?: (line: string) => void }} [options]
 */
export async function startRedis(options = {}) {
  const log = options.log ?? ((line) => console.error(`[redis] ${line}`));
  const binary = findRedisServer(log);
  const dir = mkdtempSync(path.join(tmpdir(), "descent-redis-"));
  const port = options.port ?? (await freePort());
  let server = null;

  async function launch() {
    server = spawn(
      binary,
      [
        "--bind",
        "127.0.0.1",
        "--port",
        String(port),
        "--dir",
        dir,
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
        "--save",
        "",
        "--protected-mode",
        "yes",
        "--daemonize",
        "no",
        "--logfile",
        "",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let output = "";
    server.stderr.on("data", (chunk) => {
      output += chunk;
    });
    for (let i = 0; i < 100; i++) {
      if (await ping(port)) return;
      if (server.exitCode !== null) break;
      await sleep(100);
    }
    server.kill("SIGKILL");
    throw new Error(`redis-server did not start on port ${port}:\n${output}`);
  }

  /** Stops the server with `signal` and waits for it to exit. */
  async function halt(signal) {
    const current = server;
    server = null;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill(signal);
    await exited;
  }

  const cleanup = () => {
    server?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", cleanup);

  try {
    await launch();
  } catch (error) {
    cleanup();
    throw error;
  }
  log(`redis-server on 127.0.0.1:${port} (data in ${dir})`);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    /** Stops the server (SIGTERM: it finishes writing its append-only file) and starts it again. */
    async restart({ downMs = 0 } = {}) {
      await halt("SIGTERM");
      if (downMs > 0) await sleep(downMs);
      await launch();
    },
    /** Whether the server process is running. */
    running: () => server !== null && server.exitCode === null && server.signalCode === null,
    async stop() {
      await halt("SIGTERM");
      process.removeListener("exit", cleanup);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const redis = await startRedis();
  const separator = process.argv.indexOf("--");
  if (separator >= 0 && process.argv.length > separator + 1) {
    const [command, ...args] = process.argv.slice(separator + 1);
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, REDIS_URL: redis.url } });
    const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
    await redis.stop();
    process.exit(code);
  } else {
    console.log(`REDIS_URL=${redis.url}`);
    for (const signal of ["SIGINT", "SIGTERM"])
      process.on(signal, () => redis.stop().then(() => process.exit(0)));
  }
}
