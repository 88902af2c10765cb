// Refreshes the repository's copy of the public golden file: `npm run -s golden:refresh -- FILE`.
// The file must parse as optim-golden/1 and the core must pass it before it replaces the copy.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { formatGoldenSummary, parseGoldenFile, runGoldenFile } from "../lib/optim/golden";

const source = process.argv[2];
if (!source) {
  console.error("usage: npm run -s golden:refresh -- PATH/torch-public.json");
  process.exit(2);
}
const text = readFileSync(source, "utf8");
const results = runGoldenFile(parseGoldenFile(text));
console.log(formatGoldenSummary(results));
if (results.some((result) => !result.pass)) {
  console.error("golden:refresh: the core fails this file; the copy was not replaced");
  process.exit(1);
}
const target = "tests/fixtures/golden/torch-public.json";
writeFileSync(target, text);
const hash = createHash("sha256").update(text).digest("hex");
console.log(`copied to ${target}; record in tests/fixtures/golden/PROVENANCE.md: sha256 ${hash}`);
