// Anki shows math with MathJax between \( \) and \[ \]. The app's cards are already HTML with KaTeX
// (lib/cards/render.ts, for the deck and own cards alike), and KaTeX keeps each formula's TeX in its
// MathML annotation, so the export swaps every KaTeX element for its TeX instead of parsing card
// text a second way. The annotation is HTML-escaped already, as Anki's fields store it.

const OPENINGS = ['<span class="katex-display">', '<span class="katex">'] as const;
const ANNOTATION = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/;

/** Index just past the `</span>` closing the span that opens at `start`. */
function endOfSpan(html: string, start: number): number {
  const tags = /<span\b|<\/span>/g;
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[0] === "</span>" ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  throw new Error("KaTeX markup without its closing tag");
}

/** Card HTML with each KaTeX formula replaced by `\(TeX\)`, or `\[TeX\]` for display math. */
export function katexToAnkiMath(html: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const starts = OPENINGS.map((tag) => html.indexOf(tag, from)).filter((index) => index >= 0);
    if (starts.length === 0) return out + html.slice(from);
    const start = Math.min(...starts);
    const end = endOfSpan(html, start);
    const element = html.slice(start, end);
    const tex = ANNOTATION.exec(element)?.[1];
    if (tex === undefined) throw new Error(`KaTeX markup without its TeX: ${element.slice(0, 80)}`);
    const display = element.startsWith(OPENINGS[0]);
    out += html.slice(from, start) + (display ? `\\[${tex}\\]` : `\\(${tex}\\)`);
    from = end;
  }
}
