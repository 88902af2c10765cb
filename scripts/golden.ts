// Golden conformance: `npm run -s golden -- FILE [--rtol 1e-9]`. Exit 0 all pass, 1 any fail, 2 bad input.
import { readFileSync } from "node:fs";
import {
  formatGoldenResult,
  formatGoldenSummary,
  GOLDEN_RTOL,
  GoldenFormatError,
  parseGoldenFile,
  runGoldenFile,
} from "../lib/optim/golden";

function parseArgs(argv: readonly string[]): { file: string; rtol: number } {
  let file: string | undefined;
  let rtol = GOLDEN_RTOL;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--rtol") {
      rtol = Number(argv[++i]);
      if (!(rtol > 0)) throw new GoldenFormatError(`--rtol needs a positive number, got ${argv[i]}`);
    } else if (arg !== undefined && file === undefined) {
      file = arg;
    } else {
      throw new GoldenFormatError(`unexpected argument ${arg}`);
    }
  }
  if (file === undefined) throw new GoldenFormatError("usage: npm run -s golden -- FILE [--rtol 1e-9]");
  return { file, rtol };
}

function main(): number {
  let file: string;
  let rtol: number;
  let text: string;
  try {
    ({ file, rtol } = parseArgs(process.argv.slice(2)));
    text = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`golden: ${(error as Error).message}`);
    return 2;
  }
  let results: ReturnType<typeof runGoldenFile>;
  try {
    results = runGoldenFile(parseGoldenFile(text), rtol);
  } catch (error) {
    if (!(error instanceof GoldenFormatError)) throw error;
    console.error(`golden: ${file}: ${error.message}`);
    return 2;
  }
  for (const r of results) console.log(formatGoldenResult(r));
  console.log(formatGoldenSummary(results));
  return results.every((r) => r.pass) ? 0 : 1;
}

process.exitCode = main();
