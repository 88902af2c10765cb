import path from "node:path";

/** The SQLite file behind a `file:` DATABASE_URL, resolved against the working directory. */
export function resolveDatabaseFile(url: string | undefined): string {
  const value = url ?? "file:./data/descent.db";
  if (!value.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${value}"`);
  }
  return path.resolve(value.slice("file:".length));
}
