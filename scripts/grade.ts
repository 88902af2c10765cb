// Usage: npm run -s grade -- EXERCISE FILE — prints the GradeResult JSON. Exit 0 when passed, 1 when
// not, 2 on a usage error, 3 when the grader process died while grading (the result is then the
// "memory-limit" one a learner would get, and stderr says what happened).
// FILE is a solution (.ts, or .py for Python) for a coded exercise, or an answer (.json, e.g. {"lr": 0.05, …}) for a
// tune, diagnose or predict exercise.
import { readFile } from "node:fs/promises";
import { isExerciseSlug, listExerciseSlugs, loadExerciseDefinition } from "../lib/content/registry";
import { readGraderSettings } from "../lib/env-shared";
import { TEXTS } from "../lib/grader/policy";
import { gradeSubmission, stopGraderProcesses } from "../lib/grader/pool";
import { gradeJudgment } from "../lib/judgment/grade";

/** Exit code when the grader process died while grading. */
const GRADER_DIED = 3;

const [exercise, file] = process.argv.slice(2);
if (!exercise || !file || !isExerciseSlug(exercise)) {
  process.stderr.write(
    `Usage: npm run -s grade -- <${listExerciseSlugs().join("|")}> <file.ts|file.py|answer.json>\n`,
  );
  process.exit(2);
}
// Should this process ever run out of work while the grade is pending (a grader that dies used to
// leave it nothing to wait for: no output, exit 13), say so rather than exit silently.
let answered = false;
process.on("exit", () => {
  if (answered) return;
  process.stderr.write(`grade: no answer from the grader for ${file}: its process stopped.\n`);
  process.exitCode = GRADER_DIED;
});
const definition = await loadExerciseDefinition(exercise);
try {
  const text = await readFile(file, "utf8");
  const result =
    definition.kind === "code"
      ? await gradeSubmission({
          exercise,
          code: text,
          language: file.endsWith(".py") ? "python" : "typescript",
        })
      : gradeJudgment(definition, JSON.parse(text));
  answered = true;
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (result.verdict === "memory-limit" && result.message === TEXTS.graderStopped) {
    const { dataLimitMb } = readGraderSettings();
    process.stderr.write(
      `grade: the grader process died while grading ${file} (most likely it ran out of memory: each ` +
        `grader process may use ${dataLimitMb} MB, GRADER_DATA_LIMIT_MB).\n`,
    );
    process.exitCode = GRADER_DIED;
  } else process.exitCode = result.verdict === "passed" ? 0 : 1;
} catch (error) {
  answered = true;
  throw error;
} finally {
  stopGraderProcesses();
}
