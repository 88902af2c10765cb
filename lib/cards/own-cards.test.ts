import { describe, expect, it } from "vitest";
import { OWN_CARD_MAX, OwnCardInputSchema, OwnCardTextError, renderOwnCard, toDeckCard } from "./own-cards";
import { renderCardMarkdown } from "./render";

describe("own cards", () => {
  it("render Markdown with math through the cards' KaTeX renderer", () => {
    const html = renderCardMarkdown(
      "Adam's **bias correction**:\n\n- $\\hat m_t = m_t/(1-\\beta_1^t)$\n- *early* steps",
      "x",
    );
    expect(html).toMatch(/^<p>Adam&#39;s|^<p>Adam's/);
    expect(html).toContain("<strong>bias correction</strong>");
    expect(html).toContain('<ul><li><span class="katex">');
    expect(html).toContain("<li><em>early</em> steps</li>");
    // A * inside TeX stays TeX; HTML in the text is escaped.
    expect(renderCardMarkdown("$x^*$ and *y*", "x")).toContain(
      '<annotation encoding="application/x-tex">x^*</annotation>',
    );
    expect(renderCardMarkdown("<script>alert(1)</script>", "x")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
  });

  it("refuse TeX KaTeX cannot render and an unbalanced $, naming the side", () => {
    expect(() => renderOwnCard({ front: "What is $\\frac{1}{$?", back: "ok" })).toThrow(OwnCardTextError);
    expect(() => renderOwnCard({ front: "Fine", back: "costs $5" })).toThrow(
      /^The back of your card cannot be rendered: unbalanced \$/,
    );
  });

  it("validate sizes and default the topic to the learner's own", () => {
    expect(OwnCardInputSchema.parse({ front: "  Why warm up?  ", back: "Adam's early steps" })).toEqual({
      front: "Why warm up?",
      back: "Adam's early steps",
      topic: "own",
    });
    expect(
      OwnCardInputSchema.safeParse({ front: "x".repeat(OWN_CARD_MAX.front + 1), back: "b" }).success,
    ).toBe(false);
    expect(OwnCardInputSchema.safeParse({ front: "ab", back: "b" }).success).toBe(false);
    expect(OwnCardInputSchema.safeParse({ front: "abc", back: "   " }).success).toBe(false);
  });

  it("join the deck under their schedule id, in their topic's lesson", () => {
    const row = {
      id: "ck1",
      topic: "adam",
      front: "f",
      back: "b",
      frontHtml: "<p>f</p>",
      backHtml: "<p>b</p>",
      createdAt: new Date(),
    };
    expect(toDeckCard(row, (topic) => (topic === "adam" ? "adam" : ""))).toMatchObject({
      id: "own-ck1",
      topic: "adam",
      lesson: "adam",
      kind: "question",
      frontHtml: "<p>f</p>",
    });
  });
});
