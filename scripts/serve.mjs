#!/usr/bin/env node
// Serves the production build: applies pending migrations first, then starts Descent's server
// (scripts/server.mjs: Next behind node:http, so limits see the client address) on PORT (3000).
import { execFileSync, spawn } from "node:child_process";

process.env.NEXT_TELEMETRY_DISABLED = "1";
execFileSync(process.execPath, ["scripts/setup.mjs", "migrate"], { stdio: "inherit" });
const child = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
