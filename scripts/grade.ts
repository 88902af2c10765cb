// Usage: npm run -s grade -- EXERCISE FILE — prints the GradeResult JSON; exit 0 only when passed.
// FILE is a solution (.ts) for a coded exercise, or an answer (.json, e.g. {"lr": 0.05, …}) for a
// tune, diagnose or predict exercise.
import { readFile } from "node:fs/promises";
import { isExerciseSlug, listExerciseSlugs, loadExerciseDefinition } from "../lib/content/registry";
import { gradeSubmission, stopGraderProcesses } from "../lib/grader/pool";
import { gradeJudgment } from "../lib/judgment/grade";

const [exercise, file] = process.argv.slice(2);
if (!exercise || !file || !isExerciseSlug(exercise)) {
  process.stderr.write(
    `Usage: npm run -s grade -- <${listExerciseSlugs().join("|")}> <file.ts|answer.json>\n`,
  );
  process.exit(2);
}
const definition = await loadExerciseDefinition(exercise);
try {
  const text = await readFile(file, "utf8");
  const result =
    definition.kind === "code"
      ? await gradeSubmission({ exercise, code: text })
      : gradeJudgment(definition, JSON.parse(text));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.verdict === "passed" ? 0 : 1;
} finally {
  stopGraderProcesses();
}
