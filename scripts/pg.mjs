#!/usr/bin/env node
// A throwaway PostgreSQL server for tests and benchmarks: finds (or installs, from Debian's
// `postgresql` package) the server binaries, initdb's a data directory under a temporary
// directory, starts it on 127.0.0.1 at a free port, creates a database and hands back its URL.
// stop() shuts it down and deletes the directory; so does the process exiting. The bootstrap it
// shares with scripts/redis.mjs is scripts/throwaway-server.mjs.
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
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { findOrInstall, isRoot, runCommandLine, startThrowawayServer, which } from "./throwaway-server.mjs";

export { freePort } from "./throwaway-server.mjs";

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

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const HOST = "127.0.0.1";
const DB_USER = "postgres";

/**
 * Starts a throwaway PostgreSQL server with one database.
 * @param {{ database?: string, port?: number, settings?: Record<string, string>, log?: (line: string) => void }} [options]
 *   settings: extra server settings (postgresql.conf names), e.g. { timezone: "Pacific/Auckland" }
 */
export async function startPostgres(options = {}) {
  const log = options.log ?? ((line) => console.error(`[pg] ${line}`));
  const database = options.database ?? "descent";
  if (!DATABASE_NAME.test(database)) throw new Error(`bad database name "${database}"`);
  const bin = findOrInstall({
    find: findPostgresBin,
    what: "PostgreSQL",
    debianPackage: "postgresql",
    hint: "Install it (Debian/Ubuntu: `sudo apt-get install -y postgresql`) or set PG_BIN to the directory holding initdb and postgres.",
    log,
  });
  const tool = (name) => path.join(bin, name);
  const paths = (dir) => ({ dataDir: path.join(dir, "data"), socketDir: path.join(dir, "socket") });
  // As root, every server command runs as the postgres user.
  const owner = serverUser();

  const server = await startThrowawayServer({
    name: "pg",
    what: "PostgreSQL",
    owner,
    port: options.port,
    prepare({ dir, spawnOptions }) {
      const { dataDir, socketDir } = paths(dir);
      mkdirSync(socketDir);
      if (owner) chownSync(socketDir, owner.uid, owner.gid);
      // C.UTF-8 sorts text by code point, as SQLite does; systems without that locale get plain C.
      let init;
      for (const locale of ["--locale=C.UTF-8", "--no-locale"]) {
        const args = ["-D", dataDir, "-U", DB_USER, "--auth=trust", "--encoding=UTF8", locale, "--no-sync"];
        init = spawnSync(tool("initdb"), args, { encoding: "utf8", ...spawnOptions });
        if (init.status === 0) return;
        rmSync(dataDir, { recursive: true, force: true });
      }
      throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
    },
    command: ({ dir, port }) => [
      tool("postgres"),
      [
        ...["-D", paths(dir).dataDir, "-h", HOST, "-p", String(port), "-k", paths(dir).socketDir],
        ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
        ...["-c", "max_connections=200"],
        ...Object.entries(options.settings ?? {}).flatMap(([key, value]) => ["-c", `${key}=${value}`]),
      ],
    ],
    ready: ({ port, spawnOptions }) =>
      spawnSync(tool("pg_isready"), ["-h", HOST, "-p", String(port), "-U", DB_USER, "-q"], spawnOptions)
        .status === 0,
    readyTries: 300,
    portTaken: /could not bind|Address already in use/i,
    // Fast shutdown; at process exit, an immediate one that pg_ctl waits for.
    stopSignal: "SIGINT",
    stopAtExit: ({ dir, spawnOptions }) => {
      spawnSync(
        tool("pg_ctl"),
        ["stop", "-D", paths(dir).dataDir, "-m", "immediate", "-w", "-s"],
        spawnOptions,
      );
    },
  });

  const { port } = server;
  const urlFor = (name) => `postgresql://${DB_USER}@${HOST}:${port}/${name}`;
  const psql = (sql) => {
    const args = [
      "-h",
      HOST,
      "-p",
      String(port),
      "-U",
      DB_USER,
      "-d",
      "postgres",
      "-v",
      "ON_ERROR_STOP=1",
      "-q",
    ];
    const result = spawnSync(tool("psql"), [...args, "-c", sql], {
      encoding: "utf8",
      ...server.spawnOptions,
    });
    if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  };
  const handle = {
    url: urlFor(database),
    host: HOST,
    port,
    user: DB_USER,
    database,
    dataDir: paths(server.dir).dataDir,
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
    stop: server.stop,
  };
  await handle.createDatabase(database);
  return handle;
}

await runCommandLine({
  importMetaUrl: import.meta.url,
  name: "pg",
  envName: "DATABASE_URL",
  start: startPostgres,
  summary: (pg) => `PostgreSQL on ${pg.host}:${pg.port}, data in ${pg.dataDir}`,
});
