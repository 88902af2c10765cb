// `npm run check:content` (run by `npm run build` and the tests): every cross-reference in content/
// reaches something real. Prints each broken one with its file and value and exits 1.
// `-- --content DIR` checks another content folder (the tests use a broken fixture).
import path from "node:path";
import { assertContentReferences } from "../lib/content/references.server";
import { getContentRoot } from "../lib/content/registry";

const at = process.argv.indexOf("--content");
const content = at >= 0 ? path.resolve(process.argv[at + 1] ?? "") : getContentRoot();

try {
  assertContentReferences({ content, app: path.resolve("app") });
  console.log("content references: all resolve");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
