import katex from "katex";

/** Escapes text for HTML: `&`, `<`, `>` and `"`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function renderProse(text: string): string {
  // `code` spans are the only markup besides math.
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/**
 * Card text to HTML with the math handed to `renderMath` (the TeX between a pair of `$`): prose
 * escaped, `code` spans; throws on an unbalanced `$`, naming the card.
 */
export function renderCardMarkup(text: string, cardId: string, renderMath: (tex: string) => string): string {
  const parts = text.split("$");
  if (parts.length % 2 === 0) throw new Error(`Card "${cardId}": unbalanced $ in "${text.slice(0, 60)}"`);
  return parts.map((part, index) => (index % 2 === 0 ? renderProse(part) : renderMath(part))).join("");
}

/** Renders card text: `$...$` as KaTeX (throws on bad TeX, naming the card), `code` spans, plain text escaped. */
export function renderCardText(text: string, cardId: string): string {
  return renderCardMarkup(text, cardId, (tex) => {
    try {
      return katex.renderToString(tex, { throwOnError: true, output: "htmlAndMathml" });
    } catch (error) {
      throw new Error(`Card "${cardId}": KaTeX cannot render "${tex}": ${(error as Error).message}`);
    }
  });
}
