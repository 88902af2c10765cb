// What check:content asks of the bank beyond its references: every numeric item's computation runs
// on its arguments, and every formula item's answer parses, its accepted forms are judged
// equivalent and its look-alikes are not. Pure.
import type { InterviewItem } from "../content/interview-schema";
import { computeExpected } from "./compute";
import { compareExpressions } from "./graders";

/** One line per problem, naming the file, the item and what is wrong. */
export function findBankProblems(entries: ReadonlyArray<{ file: string; item: InterviewItem }>): string[] {
  const problems: string[] = [];
  for (const { file, item } of entries) {
    const at = `  ${file}: ${item.id}`;
    try {
      if (item.type === "numeric") computeExpected(item.compute);
      if (item.type === "formula") {
        for (const form of item.accepts) {
          const result = compareExpressions(item.answer, form, item.variables);
          if (!result.equivalent)
            problems.push(`${at}.accepts "${form}" is not equivalent (${result.reason})`);
        }
        for (const form of item.lookalikes) {
          if (compareExpressions(item.answer, form, item.variables).equivalent)
            problems.push(`${at}.lookalikes "${form}" is judged equivalent to the answer`);
        }
      }
    } catch (error) {
      problems.push(`${at}: ${(error as Error).message}`);
    }
  }
  return problems;
}
