#!/usr/bin/env node
// A throwaway Redis server for tests and benchmarks (for the grading queue): finds (or
// installs, from Debian's `redis-server` package) redis-server, starts it on 127.0.0.1 at a free
// port with its data in a temporary directory (append-only file on, so a restart keeps the
// queue), and hands back its URL. restart() stops it (SIGTERM: it writes its data) and starts it
// again on the same port and data; stop() shuts it down and deletes the directory, as does the
// process exiting. The bootstrap it shares with scripts/pg.mjs is scripts/throwaway-server.mjs.
//
// Library:
//   import { startRedis } from "./scripts/redis.mjs";
//   const redis = await startRedis();   // { url, port, dir, restart, kill, stop }
// CLI:
//   node scripts/redis.mjs                 prints REDIS_URL=… and runs until Ctrl-C (or SIGTERM)
//   node scripts/redis.mjs -- <cmd> [args] runs <cmd> with REDIS_URL set, then stops; exits with its code
import { existsSync } from "node:fs";
import { createConnection } from "node:net";
import { findOrInstall, runCommandLine, startThrowawayServer, which } from "./throwaway-server.mjs";

/** redis-server's path: REDIS_SERVER, else the one on PATH (installing Debian's package when root). */
export function findRedisServer(log = (line) => console.error(`[redis] ${line}`)) {
  return findOrInstall({
    find: () =>
      process.env.REDIS_SERVER ??
      which("redis-server") ??
      (existsSync("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null),
    what: "redis-server",
    debianPackage: "redis-server",
    hint: "Install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`) or set REDIS_SERVER to its path.",
    log,
  });
}

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
  const server = await startThrowawayServer({
    name: "redis",
    what: "redis-server",
    port: options.port,
    command: ({ dir, port }) => [
      binary,
      [
        ...["--bind", "127.0.0.1", "--port", String(port), "--dir", dir],
        ...["--appendonly", "yes", "--appendfsync", "everysec", "--save", ""],
        ...["--protected-mode", "yes", "--daemonize", "no", "--logfile", ""],
      ],
    ],
    ready: ({ port }) => ping(port),
    readyTries: 100,
    portTaken: /Address already in use/i,
    // SIGTERM: it finishes writing its append-only file.
    stopSignal: "SIGTERM",
  });
  log(`redis-server on 127.0.0.1:${server.port} (data in ${server.dir})`);
  return {
    url: `redis://127.0.0.1:${server.port}`,
    port: server.port,
    dir: server.dir,
    /** Stops the server (SIGTERM: it finishes writing its append-only file) and starts it again. */
    restart: server.restart,
    /** Whether the server process is running. */
    running: server.running,
    stop: server.stop,
  };
}

await runCommandLine({
  importMetaUrl: import.meta.url,
  name: "redis",
  envName: "REDIS_URL",
  start: () => startRedis(),
});
