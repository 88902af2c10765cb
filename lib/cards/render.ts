import katex from "katex";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function renderProse(text: string): string {
  // `code` spans are the only markup besides math.
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** Renders card text: `$...$` as KaTeX (throws on bad TeX, naming the card), `code` spans, plain text escaped. */
export function renderCardText(text: string, cardId: string): string {
  const parts = text.split("$");
  if (parts.length % 2 === 0) throw new Error(`Card "${cardId}": unbalanced $ in "${text.slice(0, 60)}"`);
  return parts
    .map((part, index) => {
      if (index % 2 === 0) return renderProse(part);
      try {
        return katex.renderToString(part, { throwOnError: true, output: "htmlAndMathml" });
      } catch (error) {
        throw new Error(`Card "${cardId}": KaTeX cannot render "${part}": ${(error as Error).message}`);
      }
    })
    .join("");
}
