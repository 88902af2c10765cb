import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { MovingAverageExplorer, Playground, SchedulePlotter, WeightDecayComparison } from "./index";

// Server rendering catches crashes and missing accessibility wiring without a browser.
test.each([
  [
    "Playground",
    () => createElement(Playground, { objective: "rosenbrock", optimizers: ["sgd", "momentum", "adam"] }),
  ],
  [
    "Playground (nesterov, himmelblau)",
    () =>
      createElement(Playground, {
        objective: "himmelblau",
        optimizers: ["nesterov", "rmsprop", "lion", "adagrad"],
      }),
  ],
  ["MovingAverageExplorer", () => createElement(MovingAverageExplorer)],
  ["SchedulePlotter", () => createElement(SchedulePlotter)],
  ["WeightDecayComparison", () => createElement(WeightDecayComparison)],
])("%s renders a figure with a caption and labelled SVGs", (_, render) => {
  const html = renderToStaticMarkup(render());
  expect(html).toMatch(/^<figure/);
  expect(html).toContain("<figcaption");
  const svgs = html.match(/<svg[^>]*>/g) ?? [];
  expect(svgs.length).toBeGreaterThan(0);
  for (const svg of svgs) {
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/aria-label="[^"]{10,}"/);
  }
  expect(html).not.toMatch(/NaN/);
});

test("Playground reports an unknown objective instead of crashing", () => {
  const html = renderToStaticMarkup(createElement(Playground, { objective: "nope" }));
  expect(html).toContain("Unknown 2-D objective");
});

test("Playground names unknown optimizer entries and keeps the valid ones", () => {
  const html = renderToStaticMarkup(
    createElement(Playground, { objective: "booth", optimizers: ["adam", "bogus"] }),
  );
  expect(html).toContain("Unknown optimizer &quot;bogus&quot;");
  expect(html).toContain("<legend>Adam</legend>");
});
