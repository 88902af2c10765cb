/** A token's kind, as the server-side preview colours it (Monaco's TypeScript token names). */
export type TokenKind = "keyword" | "comment" | "string" | "number" | "type" | "plain";

/** One highlighted piece of a line. */
export type Token = { kind: TokenKind; text: string };

const KEYWORDS = new Set(
  (
    "abstract as async await break case catch class const continue debugger declare default delete do else " +
    "enum export extends false finally for from function get if implements import in infer instanceof " +
    "interface is keyof let namespace new null of private protected public readonly return satisfies set " +
    "static super switch this throw true try type typeof undefined unique var void while with yield " +
    // Type keywords: Monaco colours them as keywords too.
    "any bigint boolean never number object string symbol unknown"
  ).split(" "),
);

// One alternative per token kind, tried at each position (sticky): comments, strings, numbers, words.
const TOKEN = new RegExp(
  [
    String.raw`(?<comment>\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))`,
    String.raw`(?<string>"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|\x60(?:[^\x60\\]|\\[\s\S])*\x60?)`,
    String.raw`(?<number>\b(?:0[xX][\da-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)n?\b)`,
    String.raw`(?<word>[A-Za-z_$][\w$]*)`,
  ].join("|"),
  "y",
);

/**
 * Splits TypeScript source into lines of coloured tokens: a small lexer for the exercise page's
 * first paint (Monaco's own colorize needs the browser). Multi-line comments and template strings
 * are split at line ends and keep their colour.
 */
export function highlightTypeScript(source: string): Token[][] {
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
    if (plain) tokens.push({ kind: "plain", text: plain });
    plain = "";
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
              : /^[A-Z]/.test(text)
                ? "type"
                : "plain";
    tokens.push({ kind, text });
    i += text.length;
  }
  if (plain) tokens.push({ kind: "plain", text: plain });
  return splitLines(tokens);
}

/** Tokens cut into lines at their newlines, each piece keeping its token's colour. */
export function splitLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const token of tokens) {
    const parts = token.text.split("\n");
    parts.forEach((text, k) => {
      if (k > 0) lines.push([]);
      if (text) lines[lines.length - 1]?.push({ kind: token.kind, text });
    });
  }
  return lines;
}
