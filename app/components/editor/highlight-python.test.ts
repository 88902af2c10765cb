import { expect, test } from "vitest";
import { highlightPython } from "./highlight-python";

test("colours keywords, numbers, strings and comments, line by line", () => {
  const lines = highlightPython(
    '# step\ndef step(params, grad, state, hp):\n    params -= hp.lr * 1e-3 * grad  # "x"\n',
  );
  expect(lines).toHaveLength(4);
  expect(lines[0]).toEqual([{ kind: "comment", text: "# step" }]);
  expect(lines[1]).toContainEqual({ kind: "keyword", text: "def" });
  expect(lines[2]).toContainEqual({ kind: "number", text: "1e-3" });
  expect(lines[2]).toContainEqual({ kind: "comment", text: '# "x"' });
  expect(highlightPython("s = f'a#b'")[0]).toContainEqual({ kind: "string", text: "f'a#b'" });
});

test("keeps every character, and a docstring's colour on each line", () => {
  const source = '"""Adam.\n\nhp.lr, hp.eps.\n"""\n\nimport numpy as np\n';
  const lines = highlightPython(source);
  expect(lines.map((line) => line.map((t) => t.text).join("")).join("\n")).toBe(source);
  expect(lines[2]).toEqual([{ kind: "string", text: "hp.lr, hp.eps." }]);
  expect(lines[5]).toContainEqual({ kind: "keyword", text: "import" });
});
