// scripts/pg.mjs against the real server binaries; skipped where PostgreSQL is not installed
// (`npm run test:scale` installs it first).
import { existsSync, statSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findPostgresBin, startPostgres } from "./pg.mjs";

async function query(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.runIf(findPostgresBin() !== null)("scripts/pg.mjs", () => {
  it("starts a loopback server with the database, makes more, and deletes everything on stop", async () => {
    const server = await startPostgres({
      database: "pg_test",
      settings: { timezone: "Asia/Kolkata" },
      log: () => {},
    });
    try {
      expect(server.url).toBe(`postgresql://postgres@127.0.0.1:${server.port}/pg_test`);
      const [row] = await query(
        server.url,
        "SELECT current_database() AS db, current_setting('TimeZone') AS tz",
      );
      expect(row).toEqual({ db: "pg_test", tz: "Asia/Kolkata" });
      const [settings] = await query(server.url, "SELECT current_setting('data_directory') AS dir");
      expect(settings?.dir).toBe(server.dataDir);
      // PostgreSQL refuses to run as root: started by root, the server and its files belong to postgres.
      if (process.getuid?.() === 0) expect(statSync(server.dataDir).uid).not.toBe(0);

      const other = await server.createDatabase("pg_test_other");
      const [otherRow] = await query(other, "SELECT current_database() AS db");
      expect(otherRow?.db).toBe("pg_test_other");
      await server.dropDatabase("pg_test_other");
      await expect(query(other, "SELECT 1")).rejects.toThrow(/does not exist/);
      await expect(server.createDatabase('x"; DROP DATABASE pg_test; --')).rejects.toThrow(
        /bad database name/,
      );
    } finally {
      await server.stop();
    }
    expect(existsSync(server.dataDir)).toBe(false);
    await expect(query(server.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
    await server.stop(); // a second stop is harmless
  }, 60_000);
});
