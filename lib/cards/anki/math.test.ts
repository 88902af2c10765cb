import katex from "katex";
import { describe, expect, it } from "vitest";
import { katexToAnkiMath } from "./math";

const inline = (tex: string) => katex.renderToString(tex, { output: "htmlAndMathml" });
const display = (tex: string) => katex.renderToString(tex, { output: "htmlAndMathml", displayMode: true });

describe("KaTeX to Anki's MathJax", () => {
  it("replaces inline formulas by \\(…\\) and display formulas by \\[…\\], text around them kept", () => {
    const html = `<p>Step ${inline("\\theta_t")} then</p>${display("\\sum_i g_i^2")}<code>x</code>`;
    expect(katexToAnkiMath(html)).toBe("<p>Step \\(\\theta_t\\) then</p>\\[\\sum_i g_i^2\\]<code>x</code>");
  });

  it("keeps the TeX HTML-escaped, as an Anki field stores it", () => {
    expect(katexToAnkiMath(`${inline("a<b")} & ${inline("\\sqrt{x}>0")}`)).toBe(
      "\\(a&lt;b\\) & \\(\\sqrt{x}&gt;0\\)",
    );
  });

  it("leaves HTML without math alone and refuses KaTeX markup it cannot read", () => {
    expect(katexToAnkiMath("<p>no math</p>")).toBe("<p>no math</p>");
    expect(() => katexToAnkiMath('<span class="katex"><span>x</span></span>')).toThrow(/without its TeX/);
    expect(() => katexToAnkiMath('<span class="katex"><span>')).toThrow(/closing tag/);
  });
});
