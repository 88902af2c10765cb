import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// Lessons and figures on a 390 px phone: worked-example tables fit or scroll with their caption
// outside the scroller, a figure's sliders stay on screen with its plot, axis text is at least 11 px
// as drawn (font size times the SVG's scale on screen).

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

const MAP_CAPTION = /Heavy-ball momentum \(PyTorch’s form\)/;

async function readyFigures(page: Page, slug: string): Promise<Locator> {
  await page.goto(`/learn/${slug}`);
  const figures = page.locator("[data-figure]");
  for (const figure of await figures.all()) {
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute("data-figure-ready", "true");
  }
  return figures;
}

for (const slug of ["momentum", "adam"]) {
  test(`worked-example tables on ${slug} fit or scroll, captions outside the scroller`, async ({ page }) => {
    await page.goto(`/learn/${slug}`);
    const worked = page.locator("article figure:has(table)");
    expect(await worked.count()).toBeGreaterThan(0);
    for (const figure of await worked.all()) {
      const layout = await figure.evaluate((node) => {
        const table = node.querySelector("table") as HTMLTableElement;
        const scroller = table.parentElement as HTMLElement;
        const caption = node.querySelector("figcaption");
        const box = (el: Element) => el.getBoundingClientRect();
        return {
          caption: caption
            ? { inScroller: scroller.contains(caption), left: box(caption).left, right: box(caption).right }
            : null,
          scroller: { left: box(scroller).left, right: box(scroller).right },
          scrolls:
            getComputedStyle(scroller).overflowX === "auto" ||
            getComputedStyle(scroller).overflowX === "scroll",
          fits: scroller.scrollWidth <= scroller.clientWidth,
          tableCaption: table.querySelector("caption") !== null,
        };
      });
      expect(layout.caption, "a figcaption").not.toBeNull();
      expect(layout.caption?.inScroller).toBe(false);
      expect(layout.tableCaption).toBe(false);
      expect(layout.caption?.left).toBeGreaterThanOrEqual(0);
      expect(layout.caption?.right).toBeLessThanOrEqual(390);
      expect(layout.scroller.right).toBeLessThanOrEqual(390);
      expect(layout.fits || layout.scrolls).toBe(true);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

for (const slug of ["momentum", "stochastic-gradient-descent", "learning-rate-schedules"]) {
  test(`axis text on ${slug} is at least 11 px as drawn`, async ({ page }) => {
    const figures = await readyFigures(page, slug);
    const sizes = await figures.evaluateAll((nodes) =>
      nodes.flatMap((node) =>
        Array.from(node.querySelectorAll<SVGTextElement>("[data-axis] text")).map((text) => {
          const scale = text.ownerSVGElement?.getScreenCTM()?.a ?? 1;
          return parseFloat(getComputedStyle(text).fontSize) * scale;
        }),
      ),
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10.95);
  });
}

test("the momentum map's sliders stay on screen with the map while dragged", async ({ page }) => {
  await page.goto("/learn/momentum");
  const figure = page.locator("figure").filter({ has: page.locator("figcaption", { hasText: MAP_CAPTION }) });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator("xpath=..")).toHaveAttribute("data-figure-ready", "true");
  const map = figure.getByTestId("momentum-map");
  // The map just below the site header.
  await map.evaluate((node) => {
    node.scrollIntoView({ block: "start" });
    window.scrollBy(0, -80);
  });
  const slider = figure.getByRole("slider", { name: /learning rate η/ });
  const marker = figure.getByTestId("chosen-marker");
  const before = await marker.boundingBox();
  await slider.evaluate((node: HTMLElement) => node.focus({ preventScroll: true }));
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  const after = await marker.boundingBox();
  expect(after?.x).toBeGreaterThan(before?.x ?? 0);
  const boxes = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="momentum-map"]') as Element;
    const input = Array.from(document.querySelectorAll<HTMLInputElement>('input[type="range"]')).find((el) =>
      el.labels?.[0]?.textContent?.includes("learning rate η"),
    ) as HTMLInputElement;
    const m = svg.getBoundingClientRect();
    const s = input.getBoundingClientRect();
    return {
      map: { top: m.top, bottom: m.bottom },
      slider: { top: s.top, bottom: s.bottom },
      height: innerHeight,
    };
  });
  // Both on screen, the slider below the map, not over it.
  expect(boxes.map.top).toBeGreaterThanOrEqual(0);
  expect(boxes.map.bottom).toBeLessThanOrEqual(boxes.height);
  expect(boxes.slider.top).toBeGreaterThanOrEqual(boxes.map.bottom);
  expect(boxes.slider.bottom).toBeLessThanOrEqual(boxes.height);
});

// A select is as wide as its longest option unless told otherwise: the interview's focus list and
// the drill's and export's topic lists once widened these pages to 451-598 px on a 390 px phone.
for (const path of ["/interview", "/cards", "/cards/browse", "/exercises"]) {
  test(`${path} is no wider than a 390 px phone`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: document.documentElement.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
  });
}
