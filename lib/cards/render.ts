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

const MARK = "\uE000";
const PLACEHOLDER = new RegExp(`${MARK}(\\d+)${MARK}`, "g");

/** Bold and italic in escaped prose (a learner's own card only; the course's cards have none). */
function renderEmphasis(html: string): string {
  return html
    .replace(/\*\*([^*\n]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*([^*\s][^*\n]*?)\*(?!\w)/g, "$1<em>$2</em>");
}

/**
 * Renders a learner's own card: the course cards' text (KaTeX math, `code`) plus the Markdown a
 * short card needs: paragraphs (a blank line), `- ` bullet lists, **bold** and *italic*. Throws like
 * renderCardText on an unbalanced `$` or TeX KaTeX cannot render.
 */
export function renderCardMarkdown(text: string, cardId: string): string {
  // Math goes in after emphasis, through placeholders (a private-use character, removed from the
  // text first): a `*` in TeX stays TeX.
  const inline = (line: string) => {
    const math: string[] = [];
    const prose = renderCardMarkup(line, cardId, (tex) => `${MARK}${math.push(tex) - 1}${MARK}`);
    return renderEmphasis(prose).replace(PLACEHOLDER, (_, index: string) =>
      renderCardText(`$${math[Number(index)]}$`, cardId),
    );
  };
  return text
    .replaceAll(MARK, "")
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((line) => /^\s*[-*] /.test(line)))
        return `<ul>${lines.map((line) => `<li>${inline(line.replace(/^\s*[-*] /, ""))}</li>`).join("")}</ul>`;
      return `<p>${inline(lines.join(" "))}</p>`;
    })
    .join("");
}
