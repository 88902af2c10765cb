import { highlightTypeScript } from "./highlight-typescript";
import styles from "./code-preview.module.css";

/**
 * The starter code, highlighted on the server, in the editor's frame until Monaco is ready: readable
 * at first paint, laid out like the editor (font, line height, gutter) so the swap does not move it.
 * The frame hides it once the editor reports data-editor-ready.
 */
export function CodePreview({ code, label }: { code: string; label: string }) {
  const lines = highlightTypeScript(code);
  return (
    <section className={styles.preview} aria-label={label} data-code-preview="">
      <pre className={styles.code}>
        {lines.map((tokens, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text.
          <span key={n} className={styles.line}>
            <span className={styles.gutter} aria-hidden="true">
              {n + 1}
            </span>
            {tokens.map((token, k) =>
              token.kind === "plain" ? (
                token.text
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: tokens of a fixed line.
                <span key={k} className={styles[token.kind]}>
                  {token.text}
                </span>
              ),
            )}
            {"\n"}
          </span>
        ))}
      </pre>
    </section>
  );
}
