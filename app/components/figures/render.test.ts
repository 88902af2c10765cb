import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import {
  MinibatchNoise,
  MomentumConvergence,
  MovingAverageExplorer,
  Playground,
  SchedulePlotter,
  WeightDecayComparison,
} from "./index";

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
  ["MomentumConvergence", () => createElement(MomentumConvergence)],
  [
    "MomentumConvergence (diverging choice)",
    () => createElement(MomentumConvergence, { lr: 3.9, momentum: 0.1 }),
  ],
  ["MinibatchNoise", () => createElement(MinibatchNoise)],
  ["MinibatchNoise (diverging)", () => createElement(MinibatchNoise, { batchSize: 1, lr: 2 })],
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

test("MomentumConvergence marks Polyak's optimum for the κ it is given", () => {
  const html = renderToStaticMarkup(createElement(MomentumConvergence, { kappa: 100 }));
  const marker = /<path data-testid="optimum-marker" data-lr="([^"]+)" data-momentum="([^"]+)"/.exec(html);
  expect(Number(marker?.[1])).toBeCloseTo((2 / 1.1) ** 2, 12);
  expect(Number(marker?.[2])).toBeCloseTo((9 / 11) ** 2, 12);
  expect(html).toContain('data-testid="chosen-marker"');
});

test("MinibatchNoise draws a smaller noise ball for a larger batch", () => {
  const rx = (batchSize: number) => {
    const html = renderToStaticMarkup(createElement(MinibatchNoise, { batchSize, lr: 0.1 }));
    return Number(/<ellipse data-testid="noise-ball"[^>]* rx="([^"]+)"/.exec(html)?.[1]);
  };
  expect(rx(16)).toBeLessThan(rx(1) / 2);
});
