import { expect, test } from "vitest";
import { highlightTypeScript } from "./highlight-typescript";

test("colours keywords, types, numbers, strings and comments, line by line", () => {
  const lines = highlightTypeScript(
    '// step\nexport function step(p: Float64Array, lr = 1e-3): void {\n  const s = "a/b";\n}',
  );
  expect(lines).toHaveLength(4);
  expect(lines[0]).toEqual([{ kind: "comment", text: "// step" }]);
  const kinds = Object.fromEntries((lines[1] ?? []).map((t) => [t.text, t.kind]));
  expect(kinds).toMatchObject({
    export: "keyword",
    function: "keyword",
    Float64Array: "type",
    "1e-3": "number",
    void: "keyword",
  });
  // Built-in types are keywords, as Monaco colours them.
  expect(highlightTypeScript("let n: number;")[0]).toContainEqual({ kind: "keyword", text: "number" });
  expect(lines[2]).toContainEqual({ kind: "string", text: '"a/b"' });
});

test("keeps every character, and a multi-line comment's colour on each line", () => {
  const source = "/* a\n   b */ let x = `t\n$" + "{1}`; // end\n\n";
  const lines = highlightTypeScript(source);
  expect(lines.map((line) => line.map((t) => t.text).join("")).join("\n")).toBe(source);
  expect(lines[1]?.[0]).toEqual({ kind: "comment", text: "   b */" });
});
