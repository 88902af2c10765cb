#!/usr/bin/env node
// Serves the production build: applies pending migrations first, then starts Next on PORT (3000).
import { execFileSync, spawn } from "node:child_process";

process.env.NEXT_TELEMETRY_DISABLED = "1";
execFileSync(process.execPath, ["scripts/setup.mjs", "migrate"], { stdio: "inherit" });
const port = process.env.PORT ?? "3000";
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
