import "server-only";
import { readServerSettings, type ServerSettings } from "@/lib/env-shared";

/**
 * The web server's settings (NODE_ENV, PORT, APP_ORIGIN, TRUST_PROXY, AUTH_SECRET, SLOW_QUERY_MS,
 * DATABASE_URL), validated once, when this module is first imported. Their schema, with every other
 * variable's, is in lib/env-shared.ts; the settings the grader processes, the worker and the scripts
 * also need (grader, queue, database, content folder) are read there.
 */
export const env: ServerSettings = readServerSettings();
