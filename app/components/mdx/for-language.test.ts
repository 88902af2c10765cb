import { readFileSync } from "node:fs";
import { getMDXComponent } from "mdx-bundler/client";
import { type ComponentType, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { compileMdx } from "@/lib/content/compile-mdx.server";
import { listCodeExerciseSlugs } from "@/lib/content/registry";
import { ForLanguage, type TaskLanguage } from "./for-language";
import { mdxComponents } from "./mdx-components";

// Every coded exercise's task says its signature once per language. The course's components map
// shows the TypeScript text (the page as it was); a page bound to Python shows the Python text.

type ForLanguageProps = Parameters<typeof ForLanguage>[0];

/** ForLanguage bound to a page's language, as a page binds it. */
const bindLanguage = (shown: TaskLanguage) => (props: ForLanguageProps) => ForLanguage({ ...props, shown });

const noWorkedStep = () => null;

async function render(source: string, shown?: TaskLanguage): Promise<string> {
  const { code } = await compileMdx(source, { label: "task" });
  const Content = getMDXComponent(code) as ComponentType<{ components: Record<string, unknown> }>;
  const components = {
    ...mdxComponents,
    WorkedFirstStep: noWorkedStep,
    ...(shown ? { ForLanguage: bindLanguage(shown) } : {}),
  };
  // Only the blank text nodes between block elements may differ.
  return renderToStaticMarkup(createElement(Content, { components })).replace(/>\s+</g, "><");
}

const PYTHON_WORDS = /NumPy/;

describe.each(listCodeExerciseSlugs())("content/exercises/%s/task.mdx", (slug) => {
  const source = readFileSync(`content/exercises/${slug}/task.mdx`, "utf8");

  it("has one TypeScript and one Python block", () => {
    expect(source.match(/<ForLanguage language="typescript">/g)).toHaveLength(1);
    expect(source.match(/<ForLanguage language="python">/g)).toHaveLength(1);
  });

  it("shows the TypeScript text by default and the Python text when the page binds Python", async () => {
    const typescript = await render(source);
    const python = await render(source, "python");
    // Without the Python block and the wrapper, the default rendering is the text as it was.
    const before = source
      .replace(/<ForLanguage language="python">[\s\S]*?<\/ForLanguage>\n*/, "")
      .replace(/<ForLanguage language="typescript">\n\n([\s\S]*?)\n\n<\/ForLanguage>/, "$1");
    expect(typescript).toBe(await render(before));
    expect(typescript).not.toMatch(PYTHON_WORDS);
    expect(python).toMatch(PYTHON_WORDS);
    expect(python).not.toContain("Float64Array");
    expect(await render(source, "typescript")).toBe(typescript);
  });
});

describe('shown="all" (the static exercise page)', () => {
  it("renders every language's text, each in a block its data-for-language names", () => {
    const html = renderToStaticMarkup(
      createElement("div", null, [
        createElement(ForLanguage, { key: "t", language: "typescript", shown: "all" }, "ts text"),
        createElement(ForLanguage, { key: "p", language: "python", shown: "all" }, "py text"),
      ]),
    );
    expect(html).toBe(
      '<div><div data-for-language="typescript">ts text</div><div data-for-language="python">py text</div></div>',
    );
  });
});
