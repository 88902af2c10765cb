/** prisma/schema.prisma, the one source of the models (SQLite). */
export declare const SQLITE_SCHEMA: string;
/** prisma/postgresql/schema.prisma, derived from it and committed. */
export declare const POSTGRES_SCHEMA: string;
/** The PostgreSQL schema text for a SQLite schema text; throws when a line to change is not there exactly once. */
export declare function derivePostgresSchema(sqlite: string): string;
