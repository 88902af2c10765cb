// What scripts/pg.mjs and scripts/redis.mjs share: a throwaway server for tests and benchmarks.
// Installs its Debian package when the server is missing (as root, or with password-less sudo),
// starts it on 127.0.0.1 at a free port with its data in a temporary directory, waits until it
// answers, and cleans up (server stopped, directory deleted) on stop() or when the process exits.
// Also the command line both share: print the URL until Ctrl-C, or run a command with it set.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The path of `command` on PATH, or null. */
export function which(command) {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * `find()`'s answer, installing Debian's `debianPackage` first when it has none (apt-get as root or
 * with password-less sudo); throws with `hint` (how to install it by hand) when it cannot.
 * @param {{ find: () => string | null, what: string, debianPackage: string, hint: string, log: (line: string) => void }} options
 */
export function findOrInstall({ find, what, debianPackage, hint, log }) {
  const found = find();
  if (found) return found;
  const sudo = isRoot ? [] : spawnSync("sudo", ["-n", "true"]).status === 0 ? ["sudo", "-n"] : null;
  if (!sudo || !which("apt-get"))
    throw new Error(
      `${what} is not installed and cannot be installed automatically (needs apt-get as root or password-less sudo). ${hint}`,
    );
  log(`${what} not found: installing Debian's ${debianPackage} package`);
  const run = (args) => {
    const [command, ...rest] = [...sudo, ...args];
    execFileSync(command, rest, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  };
  run(["apt-get", "update"]);
  run(["apt-get", "install", "-y", "--no-install-recommends", debianPackage]);
  const installed = find();
  if (!installed) throw new Error(`installed ${debianPackage} but found no ${what}`);
  return installed;
}

/**
 * Starts a throwaway server on 127.0.0.1 with its data in a temporary directory.
 * @param {{
 *   name: string,
 *   what: string,
 *   binary: string,
 *   owner?: { uid: number, gid: number } | null,
 *   port?: number,
 *   prepare?: (server: { dir: string, spawnOptions: object }) => void,
 *   command: (server: { dir: string, port: number }) => [string, string[]],
 *   ready: (server: { dir: string, port: number, spawnOptions: object }) => boolean | Promise<boolean>,
 *   readyTries: number,
 *   portTaken?: RegExp,
 *   stopSignal: NodeJS.Signals,
 *   stopAtExit?: (server: { dir: string, spawnOptions: object }) => void,
 * }} options
 *   name: the temporary directory's prefix (descent-<name>-); binary: what `command` runs;
 *   owner: the user the server runs as, who then owns the directory; port: fixed, else a free one,
 *   taken again when `portTaken` matches the output of a start that failed; prepare: runs once
 *   before the first start (initdb); ready: one readiness probe, tried every 100 ms up to
 *   `readyTries` times; stopSignal: a clean stop; stopAtExit: a synchronous stop when the process
 *   exits (else SIGKILL).
 */
export async function startThrowawayServer(options) {
  const { owner = null } = options;
  // A server running as another user must reach the directory: as root, a private TMPDIR falls back to /tmp.
  const base = owner && (statSync(tmpdir()).mode & 0o001) === 0 ? "/tmp" : tmpdir();
  const dir = mkdtempSync(path.join(base, `descent-${options.name}-`));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const spawnOptions = { cwd: dir, ...(owner ? { uid: owner.uid, gid: owner.gid } : {}) };
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  let port = options.port ?? (await freePort());
  let child = null;
  let output = "";
  const running = () => child !== null && child.exitCode === null && child.signalCode === null;

  /** Starts the server; a first start may move to another port when its own was taken meanwhile. */
  async function launch(first) {
    for (let attempt = 0; ; attempt++) {
      const [command, args] = options.command({ dir, port });
      output = "";
      const started = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...spawnOptions });
      child = started;
      // The output says why a start failed; only its end is kept (a server logs as long as it runs).
      const keep = (chunk) => {
        output = (output + chunk).slice(-64 * 1024);
      };
      started.stdout.on("data", keep);
      started.stderr.on("data", keep);
      for (let i = 0; i < options.readyTries && running(); i++) {
        if (await options.ready({ dir, port, spawnOptions })) return;
        await sleep(100);
      }
      started.kill("SIGKILL");
      // Another process may have taken the port between freePort() and the server binding it.
      if (first && attempt < 2 && options.port === undefined && options.portTaken?.test(output)) {
        port = await freePort();
        continue;
      }
      throw new Error(`${options.what} did not start on port ${port}:\n${output}`);
    }
  }

  /** Stops the server with `signal`, waits for it to exit (SIGKILL after 10 s). */
  async function halt(signal) {
    const current = child;
    child = null;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill(signal);
    if ((await Promise.race([exited, sleep(10_000).then(() => "timeout")])) === "timeout") {
      current.kill("SIGKILL");
      await exited;
    }
  }

  // Synchronous: on process exit nothing can be awaited.
  const cleanUpAtExit = () => {
    if (running()) options.stopAtExit?.({ dir, spawnOptions });
    if (running()) child.kill("SIGKILL");
    removeDir();
  };
  process.once("exit", cleanUpAtExit);
  try {
    options.prepare?.({ dir, spawnOptions });
    await launch(true);
  } catch (error) {
    process.removeListener("exit", cleanUpAtExit);
    if (running()) child.kill("SIGKILL");
    removeDir();
    throw error;
  }

  let stopped = null;
  return {
    dir,
    port,
    spawnOptions,
    running,
    /** Stops the server (cleanly: its data written), waits `downMs`, starts it again on the same port and data. */
    async restart({ downMs = 0 } = {}) {
      await halt(options.stopSignal);
      if (downMs > 0) await sleep(downMs);
      await launch(false);
    },
    /** Stops the server and deletes its directory; safe to call twice. */
    stop() {
      stopped ??= (async () => {
        await halt(options.stopSignal);
        removeDir();
        // Only now: a process exiting while the server shuts down still deletes the directory.
        process.removeListener("exit", cleanUpAtExit);
      })();
      return stopped;
    },
  };
}

/**
 * The command line of a server script run directly (`importMetaUrl` is its import.meta.url):
 *   node <script>                 prints <envName>=<url> and runs until Ctrl-C (or SIGTERM)
 *   node <script> -- <cmd> [args] runs <cmd> with <envName> set, then stops; exits with its code
 * @param {{ importMetaUrl: string, name: string, envName: string, start: () => Promise<{ url: string, stop: () => Promise<void> }>, summary?: (server: any) => string }} options
 */
export async function runCommandLine({ importMetaUrl, name, envName, start, summary }) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(importMetaUrl)) return;
  const separator = process.argv.indexOf("--");
  const commandLine = separator === -1 ? [] : process.argv.slice(separator + 1);
  const server = await start();
  const stopAndExit = async (code) => {
    await server.stop();
    process.exit(code);
  };
  if (commandLine.length === 0) {
    console.log(`${envName}=${server.url}`);
    const what = summary ? `${summary(server)}; ` : "";
    console.error(`[${name}] ${what}Ctrl-C stops it and deletes the data`);
    process.on("SIGINT", () => stopAndExit(0));
    process.on("SIGTERM", () => stopAndExit(0));
    setInterval(() => {}, 1 << 30);
    return;
  }
  const [command, ...args] = commandLine;
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, [envName]: server.url } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => stopAndExit(code ?? (signal ? 1 : 0)));
  child.on("error", (error) => {
    console.error(`[${name}] cannot run ${command}: ${error.message}`);
    stopAndExit(127);
  });
}
