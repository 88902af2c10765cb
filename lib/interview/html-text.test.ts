import { describe, expect, it } from "vitest";
import { renderCardText } from "../cards/render";
import { htmlToText } from "./html-text";

describe("htmlToText", () => {
  it("reads KaTeX math once, from its MathML, without the TeX or the visual copy", () => {
    const html = renderCardText("$0 < \\eta < 2(1+\\mu)/L$ converges", "test");
    const text = htmlToText(html);
    expect(text).not.toContain("\\eta");
    expect(text).not.toContain("&lt;");
    expect(text.match(/η/g)).toHaveLength(1);
    expect(text.replace(/\s/g, "")).toBe("0<η<2(1+μ)/Lconverges");
  });

  it("keeps plain words, drops tags and decodes entities", () => {
    expect(htmlToText("<code>a &amp; b</code> &lt;  c")).toBe("a & b < c");
    expect(htmlToText("About 8: the two fp32 Adam moments.")).toBe("About 8: the two fp32 Adam moments.");
  });
});
