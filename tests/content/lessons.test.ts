import { readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { getMDXComponent } from "mdx-bundler/client";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { WorkedRunProps } from "@/app/components/mdx/worked-steps";
import { createObjective, type ObjectiveName } from "@/lib/objectives";
import { type OptimizerName, runTrajectory } from "@/lib/optim";

const { assertCourseConsistent, loadLessons } = await import("@/lib/content/lessons.server");
const { readMdxHeadings } = await import("@/lib/content/compile-mdx.server");
const { mdxComponents } = await import("@/app/components/mdx/mdx-components");
const { WorkedExample } = await import("@/app/components/mdx/worked-example");

type WorkedProps = WorkedRunProps & { digits?: number };

// Figures are client components tested by their owners; here they only need to exist.
const figure = () => createElement("figure", null, "figure");
const lessons = await loadLessons(path.resolve(process.env.LESSONS_DIR ?? "content/lessons"));

// The worked examples a render met, for comparison with the core.
let seenExamples: WorkedProps[] = [];
function RecordedWorkedExample(props: WorkedProps) {
  seenExamples.push(props);
  return createElement(WorkedExample, props);
}
// The lessons' real components map, with worked examples recorded and figures stubbed.
const components = {
  ...mdxComponents,
  WorkedExample: RecordedWorkedExample,
  Playground: figure,
  MovingAverageExplorer: figure,
  SchedulePlotter: figure,
  WeightDecayComparison: figure,
  MomentumConvergence: figure,
  MinibatchNoise: figure,
};

function renderLesson(code: string): { html: string; examples: WorkedProps[] } {
  seenExamples = [];
  const Content = getMDXComponent(code) as ComponentType<{ components: typeof components }>;
  const html = renderToStaticMarkup(createElement(Content, { components }));
  return { html, examples: seenExamples };
}

/** The numbers of one table cell: "[0.85, -0.5]" → [0.85, -0.5]. */
function parseCell(html: string, step: number, field: string): number[] {
  const row = new RegExp(`<tr data-step="${step}">(.*?)</tr>`, "s").exec(html)?.[1];
  const cell = row && new RegExp(`<td data-field="${field}">(.*?)</td>`, "s").exec(row)?.[1];
  if (cell === undefined || cell === null) throw new Error(`no ${field} cell in row ${step}`);
  return cell
    .replace(/[[\]]/g, "")
    .split(",")
    .map((text) => Number(text.trim()));
}

function expectClose(shown: number, exact: number, digits: number) {
  // `digits` significant digits: the shown value is within half a unit of the last digit.
  const tolerance = Math.abs(exact) * 10 ** (1 - digits) + 1e-300;
  expect(Math.abs(shown - exact)).toBeLessThanOrEqual(tolerance);
}

describe("lessons", () => {
  it("exist, in a unique order, with valid frontmatter and prerequisites", () => {
    expect(lessons.length).toBeGreaterThan(0);
    expect(new Set(lessons.map((lesson) => lesson.order)).size).toBe(lessons.length);
    const slugs = new Set(lessons.map((lesson) => lesson.slug));
    for (const lesson of lessons)
      for (const prerequisite of lesson.prerequisites) expect(slugs).toContain(prerequisite);
  });

  it.each(lessons.map((lesson) => [lesson.slug, lesson] as const))(
    "%s renders, its TOC ids exist and its worked examples match the core",
    (_slug, lesson) => {
      const { html, examples } = renderLesson(lesson.code);
      expect(html).toContain('class="katex"');
      for (const heading of lesson.headings) expect(html).toContain(`id="${heading.id}"`);
      // The reference check reads headings without compiling: it must find the same ones.
      const body = matter(readFileSync(lesson.file, "utf8")).content;
      expect(readMdxHeadings(body)).toEqual(lesson.headings);
      if (lesson.code.includes("WorkedExample")) expect(examples.length).toBeGreaterThan(0);
      for (const props of examples) {
        const objective = createObjective(props.objective as ObjectiveName, props.args, {
          dim: props.x0.length,
          data: props.data,
        });
        const run = runTrajectory({
          optimizer: props.optimizer as OptimizerName,
          hparams: props.hparams,
          objective,
          x0: props.x0,
          steps: props.steps,
        });
        const exampleHtml = renderToStaticMarkup(createElement(WorkedExample, props));
        const digits = props.digits ?? 4;
        for (let step = 0; step <= props.steps; step++) {
          const exact = run.points.get(step);
          const shown = parseCell(exampleHtml, step, "params");
          expect(shown.length).toBe(exact?.length);
          for (const [i, value] of shown.entries()) expectClose(value, exact?.[i] ?? Number.NaN, digits);
          expectClose(
            parseCell(exampleHtml, step, "loss")[0] ?? Number.NaN,
            run.losses[step] ?? Number.NaN,
            digits,
          );
        }
      }
    },
  );
});

describe("lesson validation", () => {
  it("fails on invalid frontmatter, naming the file and the field", async () => {
    await expect(loadLessons(path.resolve("tests/fixtures/lessons-invalid"))).rejects.toThrow(
      /Invalid frontmatter in .*01-broken-frontmatter\.mdx: field "minutes"/,
    );
  });

  it("fails on a missing prerequisite and on a repeated order", () => {
    const base = {
      title: "T",
      summary: "S.",
      minutes: 1,
      exercises: [],
      cards: [],
      file: "content/lessons/02-b.mdx",
    };
    expect(() => assertCourseConsistent([{ ...base, slug: "b", order: 2, prerequisites: ["nope"] }])).toThrow(
      /02-b\.mdx: field "prerequisites": no lesson "nope"/,
    );
    expect(() =>
      assertCourseConsistent([
        { ...base, slug: "a", order: 1, prerequisites: [], file: "content/lessons/01-a.mdx" },
        { ...base, slug: "b", order: 1, prerequisites: [] },
      ]),
    ).toThrow(/both have order 1/);
  });
});
