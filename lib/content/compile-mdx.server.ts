import "server-only";
import { bundleMDX } from "mdx-bundler";
import rehypeKatex from "rehype-katex";
import rehypeSlug from "rehype-slug";
import remarkMath from "remark-math";

/** A compiled MDX document: the code for getMDXComponent and its raw frontmatter (validate it!). */
export type CompiledMdx = { code: string; frontmatter: Record<string, unknown> };

/** Thrown when a document cannot compile; the message names the document and the cause. */
export class MdxCompileError extends Error {}

type VFileLike = {
  messages: Array<{
    source?: string | null;
    reason: string;
    cause?: unknown;
    line?: number | null;
    column?: number | null;
  }>;
};

// rehype-katex only records a KaTeX failure as a message and renders red text; we want the build
// to stop instead, naming the expression.
function rehypeFailOnKatexErrors() {
  return (_tree: unknown, file: VFileLike) => {
    const failure = file.messages.find((message) => message.source === "rehype-katex");
    if (!failure) return;
    const cause =
      failure.cause instanceof Error ? failure.cause.message : String(failure.cause ?? failure.reason);
    const where = failure.line ? ` at line ${failure.line}:${failure.column ?? 0}` : "";
    throw new MdxCompileError(`KaTeX could not render an expression${where}: ${cause}`);
  };
}

type HastNode = { type: string; properties?: Record<string, unknown>; children?: HastNode[] };

// Display math wider than its column scrolls sideways (phones); a scrolling region must be reachable
// by keyboard, so each display is a tab stop.
function rehypeFocusableDisplayMath() {
  const visit = (node: HastNode) => {
    const className = node.properties?.className;
    if (node.type === "element" && Array.isArray(className) && className.includes("katex-display")) {
      node.properties = { ...node.properties, tabIndex: 0 };
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree: HastNode) => visit(tree);
}

/**
 * Compiles MDX with math (remark-math + rehype-katex, HTML and MathML output) and heading ids.
 * `label` names the document in errors, e.g. "lesson 03-momentum".
 */
export async function compileMdx(
  source: string,
  options: { label: string; cwd?: string; globals?: Record<string, string> },
): Promise<CompiledMdx> {
  try {
    const result = await bundleMDX({
      source,
      cwd: options.cwd,
      globals: options.globals,
      mdxOptions(mdx) {
        mdx.remarkPlugins = [...(mdx.remarkPlugins ?? []), remarkMath];
        mdx.rehypePlugins = [
          ...(mdx.rehypePlugins ?? []),
          rehypeSlug,
          [rehypeKatex, { output: "htmlAndMathml", strict: "error" }],
          rehypeFailOnKatexErrors,
          rehypeFocusableDisplayMath,
        ];
        return mdx;
      },
    });
    if (result.errors.length > 0) {
      throw new MdxCompileError(result.errors.map((error) => error.text).join("\n"));
    }
    return { code: result.code, frontmatter: result.frontmatter as Record<string, unknown> };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MdxCompileError(`Could not compile ${options.label}: ${message}`);
  }
}
