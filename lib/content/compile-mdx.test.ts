import { describe, expect, it } from "vitest";

const { compileMdx, readMdxHeadings } = await import("./compile-mdx.server");

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

  it("lists h2 and h3 headings with the ids on the page, inside components and with code or math", async () => {
    const body = [
      "# Title",
      "## The `lr_decay` knob",
      "### Why $\\sqrt{v}$ and [a link](/learn/adam)",
      "<Note>\n\n## Inside a note\n\n</Note>",
      "```ts\n## not a heading\n```",
      "## The `lr_decay` knob",
    ].join("\n\n");
    const { code, headings } = await compileMdx(body, { label: "test", globals: {} });
    expect(headings).toEqual([
      { depth: 2, text: "The lr_decay knob", id: "the-lr_decay-knob" },
      { depth: 3, text: "Why \\sqrt{v} and a link", id: "why-sqrtv-and-a-link" },
      { depth: 2, text: "Inside a note", id: "inside-a-note" },
      { depth: 2, text: "The lr_decay knob", id: "the-lr_decay-knob-1" },
    ]);
    for (const { id } of headings) expect(code).toContain(`id:"${id}"`);
    // The reference check's cheap reading agrees with the compile.
    expect(readMdxHeadings(body)).toEqual(headings);
  });

  it("renders GitHub-flavoured tables as tables, with math in cells, and keeps a single ~ as text", async () => {
    const body =
      "| optimizer | bound |\n|---|---|\n| AdaGrad | $\\eta$ |\n\nAbout ~40 words, ~3.2x at t = 1.\n";
    const { code } = await compileMdx(body, { label: "test", globals: {} });
    // The bundle is minified: the components object is a one-letter name.
    expect(code).toMatch(/\.table,\{/);
    expect(code).toMatch(/\.td,\{children:"AdaGrad"\}/);
    expect(code).toContain("katex-mathml");
    expect(code).not.toContain("| optimizer |");
    expect(code).not.toMatch(/\.del,\{/);
    expect(code).toContain("About ~40 words, ~3.2x at t = 1.");
  });

  it("fails with the document's name and KaTeX's reason when an expression is invalid", async () => {
    await expect(compileMdx("Broken: $\\frac{1}{$ here", { label: "lesson 99-broken" })).rejects.toThrow(
      /lesson 99-broken.*KaTeX/s,
    );
  });
});
