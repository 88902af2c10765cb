// The plain text of a piece of bank HTML (an option, an order entry) for labels and live messages:
// KaTeX math keeps only its MathML reading (the visual copy and the TeX annotation are dropped), tags
// go, entities are decoded. Pure, so the server and the browser read the same words.

const ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  "#39": "'",
  "#x27": "'",
  nbsp: " ",
};

/** Removes every `<span class="katex-html" …>…</span>` with its nested spans. */
function dropKatexHtml(html: string): string {
  const open = '<span class="katex-html"';
  let out = "";
  let at = 0;
  for (let start = html.indexOf(open); start >= 0; start = html.indexOf(open, at)) {
    out += html.slice(at, start);
    let depth = 0;
    const tag = /<span\b|<\/span>/g;
    tag.lastIndex = start;
    for (let match = tag.exec(html); match; match = tag.exec(html)) {
      depth += match[0] === "</span>" ? -1 : 1;
      if (depth === 0) {
        at = tag.lastIndex;
        break;
      }
    }
    if (depth !== 0) return out;
  }
  return out + html.slice(at);
}

/** Readable text of bank HTML: "0 < η < 2(1+μ)/L" for the KaTeX of $0 < \eta < 2(1+\mu)/L$. */
export function htmlToText(html: string): string {
  return dropKatexHtml(html)
    .replace(/<annotation\b[\s\S]*?<\/annotation>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&(lt|gt|amp|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}
