import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Tests run server modules directly: "server-only" resolves as it does for server components.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
      // Next's request scope (cookies(), headers()) exists only inside a request: tests fill a
      // stand-in's (tests/next-headers.ts requestScope) instead of mocking it per file.
      "next/headers": fileURLToPath(new URL("tests/next-headers.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "app/**/*.test.ts",
      "tests/**/*.test.ts",
      "scripts/**/*.test.ts",
      "content/**/*.test.ts",
    ],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/setup-unit.ts"],
    // SQLite, or PostgreSQL with TEST_DATABASE_PROVIDER=postgresql (tests/test-db.ts).
    globalSetup: ["tests/global-setup-db.ts"],
  },
});
