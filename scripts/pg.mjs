#!/usr/bin/env node
// A throwaway PostgreSQL server for tests and benchmarks: finds (or installs, from Debian's
// `postgresql` package) the server binaries, initdb's a data directory under a temporary
// directory, starts it on 127.0.0.1 at a free port, creates a database and hands back its URL.
// stop() shuts it down and deletes the directory; so does the process exiting.
//
// Library:
//   import { startPostgres } from "./scripts/pg.mjs";
//   const pg = await startPostgres();          // { url, port, host, user, dataDir, createDatabase, stop }
//   process.env.DATABASE_URL = pg.url;
//   const other = await pg.createDatabase("worker_2"); // another empty database on the same server
//   await pg.stop();
// CLI:
//   node scripts/pg.mjs                 prints DATABASE_URL=… and runs until Ctrl-C (or SIGTERM)
//   node scripts/pg.mjs -- <cmd> [args] runs <cmd> with DATABASE_URL set, then stops; exits with its code
//
// The server trusts every loopback connection (no password) and runs with fsync off: it is for
// throwaway data only. As root it runs as the `postgres` user (PostgreSQL refuses to run as root).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function which(command) {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** The directory holding initdb, postgres and pg_isready, or null. PG_BIN overrides the search. */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(root, version, "bin"));
  }
  const pgConfig = which("pg_config");
  if (pgConfig) {
    const bindir = spawnSync(pgConfig, ["--bindir"], { encoding: "utf8" });
    if (bindir.status === 0) candidates.push(bindir.stdout.trim());
  }
  const initdb = which("initdb");
  if (initdb) candidates.push(path.dirname(initdb));
  return (
    candidates.find(
      (dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "postgres")),
    ) ?? null
  );
}

/** Installs Debian's `postgresql` package when we are root or have password-less sudo; else throws. */
function installPostgres(log) {
  const sudo = isRoot ? [] : spawnSync("sudo", ["-n", "true"]).status === 0 ? ["sudo", "-n"] : null;
  if (!sudo || !which("apt-get")) {
    throw new Error(
      "PostgreSQL is not installed and cannot be installed automatically (needs apt-get as root or password-less sudo). " +
        "Install it (Debian/Ubuntu: `sudo apt-get install -y postgresql`) or set PG_BIN to the directory holding initdb and postgres.",
    );
  }
  log("PostgreSQL not found: installing Debian's postgresql package");
  const run = (args) => {
    const [command, ...rest] = [...sudo, ...args];
    execFileSync(command, rest, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  };
  run(["apt-get", "update"]);
  run(["apt-get", "install", "-y", "--no-install-recommends", "postgresql"]);
}

/** The OS user the server runs as when we are root: `postgres` (created if missing). */
function serverUser() {
  if (!isRoot) return null;
  if (spawnSync("id", ["-u", "postgres"]).status !== 0) {
    execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Starts a throwaway PostgreSQL server with one database.
 * @param {{ database?: string, port?: number, settings?: Record<string, string>, log?: (line: string) => void }} [options]
 *   settings: extra server settings (postgresql.conf names), e.g. { timezone: "Pacific/Auckland" }
 */
export async function startPostgres(options = {}) {
  const log = options.log ?? ((line) => console.error(`[pg] ${line}`));
  const database = options.database ?? "descent";
  if (!DATABASE_NAME.test(database)) throw new Error(`bad database name "${database}"`);

  let bin = findPostgresBin();
  if (!bin) {
    installPostgres(log);
    bin = findPostgresBin();
    if (!bin) throw new Error("installed postgresql but found no initdb/postgres binaries");
  }
  const user = serverUser();
  // As root, every server command runs as the postgres user (spawn's uid/gid options).
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const command = (name, args) => [path.join(bin, name), args];

  // The postgres user must reach the directory: as root, a private TMPDIR falls back to /tmp.
  const base = user && (statSync(tmpdir()).mode & 0o001) === 0 ? "/tmp" : tmpdir();
  const dir = mkdtempSync(path.join(base, "descent-pg-"));
  const dataDir = path.join(dir, "data");
  const socketDir = path.join(dir, "socket");
  mkdirSync(socketDir);
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(socketDir, user.uid, user.gid);
  }
  const removeDir = () => rmSync(dir, { recursive: true, force: true });

  const dbUser = "postgres";
  try {
    // C.UTF-8 sorts text by code point, as SQLite does; systems without that locale get plain C.
    let init;
    for (const locale of ["--locale=C.UTF-8", "--no-locale"]) {
      const [initCommand, initArgs] = command("initdb", [
        "-D",
        dataDir,
        "-U",
        dbUser,
        "--auth=trust",
        "--encoding=UTF8",
        locale,
        "--no-sync",
      ]);
      init = spawnSync(initCommand, initArgs, { encoding: "utf8", cwd: dir, ...as });
      if (init.status === 0) break;
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  } catch (error) {
    removeDir();
    throw error;
  }

  const host = "127.0.0.1";
  let port = options.port ?? (await freePort());
  let server;
  let exited = null;
  let output = "";
  for (let attempt = 0; ; attempt++) {
    const [serverCommand, serverArgs] = command("postgres", [
      "-D",
      dataDir,
      "-h",
      host,
      "-p",
      String(port),
      "-k",
      socketDir,
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=200",
      ...Object.entries(options.settings ?? {}).flatMap(([key, value]) => ["-c", `${key}=${value}`]),
    ]);
    exited = null;
    output = "";
    server = spawn(serverCommand, serverArgs, { stdio: ["ignore", "pipe", "pipe"], cwd: dir, ...as });
    server.stdout.on("data", (chunk) => {
      output += chunk;
    });
    server.stderr.on("data", (chunk) => {
      output += chunk;
    });
    server.on("exit", (code, signal) => {
      exited = { code, signal };
    });
    if (await waitReady()) break;
    server.kill("SIGKILL");
    // Another process may have taken the port between freePort() and the server binding it.
    if (attempt < 2 && options.port === undefined && /could not bind|Address already in use/i.test(output)) {
      port = await freePort();
      continue;
    }
    removeDir();
    throw new Error(`PostgreSQL did not start:\n${output}`);
  }

  async function waitReady() {
    const [readyCommand, readyArgs] = command("pg_isready", [
      "-h",
      host,
      "-p",
      String(port),
      "-U",
      dbUser,
      "-q",
    ]);
    for (let i = 0; i < 300; i++) {
      if (exited) return false;
      if (spawnSync(readyCommand, readyArgs, { cwd: dir, ...as }).status === 0) return true;
      await sleep(100);
    }
    return false;
  }

  const urlFor = (name) => `postgresql://${dbUser}@${host}:${port}/${name}`;
  const psql = (sql) => {
    const [psqlCommand, psqlArgs] = command("psql", [
      "-h",
      host,
      "-p",
      String(port),
      "-U",
      dbUser,
      "-d",
      "postgres",
      "-v",
      "ON_ERROR_STOP=1",
      "-q",
      "-c",
      sql,
    ]);
    const result = spawnSync(psqlCommand, psqlArgs, { encoding: "utf8", cwd: dir, ...as });
    if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  };

  // Stops the server synchronously: used on process exit, where nothing can be awaited.
  const stopSync = () => {
    if (!exited) {
      const [ctlCommand, ctlArgs] = command("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w", "-s"]);
      spawnSync(ctlCommand, ctlArgs, { cwd: dir, ...as });
      if (!exited) server.kill("SIGKILL");
    }
    removeDir();
  };
  process.once("exit", stopSync);

  let stopped = null;
  const handle = {
    url: urlFor(database),
    host,
    port,
    user: dbUser,
    database,
    dataDir,
    /** The URL of another database on this server, without creating it. */
    urlFor,
    /** Creates an empty database on this server and returns its URL. */
    async createDatabase(name) {
      if (!DATABASE_NAME.test(name)) throw new Error(`bad database name "${name}"`);
      psql(`CREATE DATABASE "${name}"`);
      return urlFor(name);
    },
    /** Drops a database created with createDatabase (closing its connections). */
    async dropDatabase(name) {
      if (!DATABASE_NAME.test(name)) throw new Error(`bad database name "${name}"`);
      psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
    /** Fast shutdown (SIGINT), then deletes the data directory. Safe to call twice. */
    stop() {
      stopped ??= (async () => {
        if (!exited) {
          const done = new Promise((resolve) => server.once("exit", resolve));
          server.kill("SIGINT");
          const timeout = sleep(10_000).then(() => "timeout");
          if ((await Promise.race([done, timeout])) === "timeout") {
            server.kill("SIGKILL");
            await done;
          }
        }
        removeDir();
        // Only now: a process exiting while the server shuts down still deletes the directory.
        process.removeListener("exit", stopSync);
      })();
      return stopped;
    },
  };
  await handle.createDatabase(database);
  return handle;
}

// ---- CLI ----
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const separator = process.argv.indexOf("--");
  const commandLine = separator === -1 ? [] : process.argv.slice(separator + 1);
  const pg = await startPostgres();
  const stopAndExit = async (code) => {
    await pg.stop();
    process.exit(code);
  };
  if (commandLine.length === 0) {
    console.log(`DATABASE_URL=${pg.url}`);
    console.error(
      `[pg] PostgreSQL on ${pg.host}:${pg.port}, data in ${pg.dataDir}; Ctrl-C stops it and deletes the data`,
    );
    process.on("SIGINT", () => stopAndExit(0));
    process.on("SIGTERM", () => stopAndExit(0));
    setInterval(() => {}, 1 << 30);
  } else {
    const [cmd, ...args] = commandLine;
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: pg.url } });
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
    child.on("exit", (code, signal) => stopAndExit(code ?? (signal ? 1 : 0)));
    child.on("error", (error) => {
      console.error(`[pg] cannot run ${cmd}: ${error.message}`);
      stopAndExit(127);
    });
  }
}
