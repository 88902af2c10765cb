// `npm run check:content` (run by `npm run build` and the tests): every cross-reference in content/
// reaches something real, and every interview item's numbers and formulas compute. Prints each
// broken one with its file and value and exits 1.
// `-- --content DIR` checks another content folder (the tests use a broken fixture).
import path from "node:path";
import { findReferenceProblems, formatReferenceProblems } from "../lib/content/references";
import { readContentIndex } from "../lib/content/references.server";
import { getContentRoot } from "../lib/content/registry";
import { findBankProblems } from "../lib/interview/check-bank";

const at = process.argv.indexOf("--content");
const content = at >= 0 ? path.resolve(process.argv[at + 1] ?? "") : getContentRoot();

try {
  const index = readContentIndex({ content, app: path.resolve("app") });
  const problems = findReferenceProblems(index);
  if (problems.length > 0) throw new Error(formatReferenceProblems(problems));
  const bank = index.interview ?? [];
  const bankProblems = findBankProblems(bank);
  if (bankProblems.length > 0)
    throw new Error(`Interview items that do not compute:\n${bankProblems.join("\n")}`);
  console.log(`content references: all resolve (${bank.length} interview items)`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
