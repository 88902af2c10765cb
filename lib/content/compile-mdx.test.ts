import { describe, expect, it } from "vitest";

const { compileMdx } = await import("./compile-mdx.server");

describe("compileMdx", () => {
  it("renders math on the server as KaTeX HTML with MathML, and gives headings ids", async () => {
    const { code, frontmatter } = await compileMdx(
      "---\ntitle: T\n---\n\n## Bias correction\n\n$$\\hat m_t = \\frac{m_t}{1-\\beta_1^t}$$\n",
      {
        label: "test",
      },
    );
    expect(frontmatter).toEqual({ title: "T" });
    expect(code).toContain("katex-mathml");
    expect(code).toContain('s.math,{xmlns:"http://www.w3.org/1998/Math/MathML"');
    expect(code).toContain("bias-correction");
  });

  it("fails with the document's name and KaTeX's reason when an expression is invalid", async () => {
    await expect(compileMdx("Broken: $\\frac{1}{$ here", { label: "lesson 99-broken" })).rejects.toThrow(
      /lesson 99-broken.*KaTeX/s,
    );
  });
});
