import "server-only";
import { createProcessor } from "@mdx-js/mdx";
import { toString as hastToString } from "hast-util-to-string";
import { bundleMDX } from "mdx-bundler";
import rehypeKatex from "rehype-katex";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";

/** A heading of the table of contents: h2 or h3, its text and the id rehype-slug gave it. */
export type MdxHeading = { depth: 2 | 3; text: string; id: string };

/**
 * A compiled MDX document: the code for getMDXComponent, its raw frontmatter (validate it!) and its
 * h2/h3 headings in document order.
 */
export type CompiledMdx = { code: string; frontmatter: Record<string, unknown>; headings: MdxHeading[] };

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

type HastNode = {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
};

// The table of contents comes from the compiled tree itself: after rehype-slug (so the ids are the
// ones on the page) and before rehype-katex (so math reads as its TeX source, not as rendered HTML).
function rehypeCollectHeadings(options: { headings: MdxHeading[] }) {
  const visit = (node: HastNode) => {
    const depth = node.tagName === "h2" ? 2 : node.tagName === "h3" ? 3 : null;
    const id = node.properties?.id;
    if (node.type === "element" && depth !== null && typeof id === "string") {
      // biome-ignore lint/suspicious/noExplicitAny: hast-util-to-string takes a hast node; ours is a structural subset.
      options.headings.push({ depth, text: hastToString(node as any).trim(), id });
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree: HastNode) => visit(tree);
}

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

// GitHub-flavoured Markdown for tables; a single ~ stays a tilde ("~40 words"), not strikethrough.
const GFM_OPTIONS = { singleTilde: false };

/**
 * The headings of an MDX body (no frontmatter) without bundling it: the same parse, remark-math and
 * rehype-slug as compileMdx, stopped before rendering. Synchronous and cheap, for the reference
 * check (links to `/learn/slug#heading`); pages take their table of contents from compileMdx.
 */
export function readMdxHeadings(body: string): MdxHeading[] {
  const headings: MdxHeading[] = [];
  const processor = createProcessor({
    remarkPlugins: [[remarkGfm, GFM_OPTIONS], remarkMath],
    rehypePlugins: [rehypeSlug, [rehypeCollectHeadings, { headings }]],
  });
  processor.processSync(body);
  return headings;
}

/**
 * Compiles MDX with GFM tables (remark-gfm), math (remark-math + rehype-katex, HTML and MathML output) and heading ids.
 * `label` names the document in errors, e.g. "lesson 03-momentum".
 */
export async function compileMdx(
  source: string,
  options: { label: string; cwd?: string; globals?: Record<string, string> },
): Promise<CompiledMdx> {
  const headings: MdxHeading[] = [];
  try {
    const result = await bundleMDX({
      source,
      cwd: options.cwd,
      globals: options.globals,
      mdxOptions(mdx) {
        mdx.remarkPlugins = [...(mdx.remarkPlugins ?? []), [remarkGfm, GFM_OPTIONS], remarkMath];
        mdx.rehypePlugins = [
          ...(mdx.rehypePlugins ?? []),
          rehypeSlug,
          [rehypeCollectHeadings, { headings }],
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
    return { code: result.code, frontmatter: result.frontmatter as Record<string, unknown>, headings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MdxCompileError(`Could not compile ${options.label}: ${message}`);
  }
}
