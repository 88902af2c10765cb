// Usage: npm run -s grade -- EXERCISE FILE — prints the GradeResult JSON; exit 0 only when passed.
import { readFile } from "node:fs/promises";
import { isExerciseSlug, listExerciseSlugs } from "../lib/content/registry";
import { gradeSubmission, stopGraderProcesses } from "../lib/grader/pool";

const [exercise, file] = process.argv.slice(2);
if (!exercise || !file || !isExerciseSlug(exercise)) {
  process.stderr.write(`Usage: npm run -s grade -- <${listExerciseSlugs().join("|")}> <file.ts>\n`);
  process.exit(2);
}
try {
  const result = await gradeSubmission({ exercise, code: await readFile(file, "utf8") });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.verdict === "passed" ? 0 : 1;
} finally {
  stopGraderProcesses();
}
