import { highlightPython } from "./highlight-python";
import { highlightTypeScript } from "./highlight-typescript";
import styles from "./highlighted-code.module.css";
import tokenStyles from "./light-editor.module.css";

/**
 * Code to read, not to edit (a reference solution): coloured by the editor's own lexers and
 * colours, so it looks as it would in the editor. Renders on the server; no script.
 */
export function HighlightedCode({ code, language }: { code: string; language: "typescript" | "python" }) {
  const lines = language === "python" ? highlightPython(code) : highlightTypeScript(code);
  return (
    // A scrolling region must be reachable by keyboard: the block is a tab stop.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a horizontally scrolling region.
    <pre className={styles.code} tabIndex={0} data-language={language}>
      <code>
        {lines.map((tokens, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text.
          <span key={n}>
            {n > 0 ? "\n" : null}
            {tokens.map((token, k) =>
              token.kind === "plain" ? (
                token.text
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: tokens of a fixed line.
                <span key={k} className={tokenStyles[token.kind]}>
                  {token.text}
                </span>
              ),
            )}
          </span>
        ))}
      </code>
    </pre>
  );
}
