// KaTeX's stylesheet and ours, imported by every component that renders KaTeX output (MDX documents,
// card HTML), so math is styled on whatever route it appears: without it the MathML copy that KaTeX
// emits for screen readers shows as a second, loose line of text. CSS only (≈ 3.6 KiB gzip); the
// fonts are fetched by the browser only for glyphs a page actually uses.
import "katex/dist/katex.min.css";
import "./math.css";
