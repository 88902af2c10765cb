import { splitLines, type Token, type TokenKind } from "./highlight-typescript";

// Python's keywords and the builtins Monaco's Python tokenizer colours as keywords, so that the
// light editor's colours are Monaco's when it takes over.
const KEYWORDS = new Set(
  (
    "False None True and as assert async await break case class continue def del elif else except " +
    "finally for from global if import in is lambda match nonlocal not or pass raise return try type " +
    "while with yield abs all any bin bool bytearray callable chr classmethod complex delattr dict dir " +
    "divmod enumerate eval filter float format frozenset getattr globals hasattr hash help id input int " +
    "isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow " +
    "print property range repr reversed round self set setattr slice sorted staticmethod str sum super " +
    "tuple vars zip"
  ).split(" "),
);

// One alternative per token kind, tried at each position (sticky): comments, strings (triple-quoted
// first, with an optional prefix), numbers, words.
const TOKEN = new RegExp(
  [
    String.raw`(?<comment>#[^\n]*)`,
    String.raw`(?<string>(?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?))`,
    String.raw`(?<number>\b(?:0[xX][\da-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)[jJ]?\b)`,
    String.raw`(?<word>[A-Za-z_][\w]*)`,
  ].join("|"),
  "y",
);

/**
 * Splits Python source into lines of coloured tokens, as highlightTypeScript does for TypeScript:
 * the exercise page's light editor when the learner has chosen Python. Triple-quoted strings are
 * split at line ends and keep their colour.
 */
export function highlightPython(source: string): Token[][] {
  const tokens: Token[] = [];
  let plain = "";
  let i = 0;
  while (i < source.length) {
    TOKEN.lastIndex = i;
    const match = TOKEN.exec(source);
    const groups = match?.groups;
    if (!match || !groups || match[0] === "") {
      plain += source[i];
      i += 1;
      continue;
    }
    const text = match[0];
    const kind: TokenKind =
      groups.comment !== undefined
        ? "comment"
        : groups.string !== undefined
          ? "string"
          : groups.number !== undefined
            ? "number"
            : KEYWORDS.has(text)
              ? "keyword"
              : "plain";
    if (kind === "plain") plain += text;
    else {
      if (plain) tokens.push({ kind: "plain", text: plain });
      plain = "";
      tokens.push({ kind, text });
    }
    i += text.length;
  }
  if (plain) tokens.push({ kind: "plain", text: plain });
  return splitLines(tokens);
}
