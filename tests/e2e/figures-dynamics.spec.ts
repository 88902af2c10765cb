import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// The momentum map (lesson 3) and the mini-batch noise figure (lesson 2), checked by what a reader
// sees: where the markers sit, how big the noise ball is, which numbers the figure prints.

async function getFigure(page: Page, slug: string, caption: RegExp): Promise<Locator> {
  await page.goto(`/learn/${slug}`);
  const figure = page
    .locator("figure")
    .filter({ has: page.locator("figcaption", { hasText: caption }) })
    .first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator("xpath=..")).toHaveAttribute("data-figure-ready", "true");
  return figure;
}

/** The on-screen centre of an element. */
async function getCentre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The on-screen position of the tick (its tick line) labelled `label` on the x or y axis. */
async function getTick(svg: Locator, axis: "x" | "y", label: string): Promise<{ x: number; y: number }> {
  const tick = svg
    .locator(`g[data-axis="${axis}"] > g`)
    .filter({ has: svg.page().locator(`text:text-is("${label}")`) });
  return getCentre(tick.locator("line"));
}

const MAP_CAPTION = /Heavy-ball momentum \(PyTorch’s form\)/;
const NOISE_CAPTION = /Mini-batch SGD on a least-squares problem/;

test.describe("MomentumConvergence", () => {
  test("moving the κ slider moves the optimum marker to Polyak's η* and μ*", async ({ page }) => {
    const figure = await getFigure(page, "momentum", MAP_CAPTION);
    const map = figure.getByTestId("momentum-map");
    const marker = map.getByTestId("optimum-marker");
    const slider = figure.getByRole("slider", { name: /condition number κ/ });
    const check = async () => {
      const kappa = 10 ** Number(await slider.inputValue());
      const mu = ((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2;
      const eta = (2 / (1 + Math.sqrt(1 / kappa))) ** 2;
      const [mu0, mu1, eta0, eta4] = await Promise.all([
        getTick(map, "y", "0.0"),
        getTick(map, "y", "1.0"),
        getTick(map, "x", "0"),
        getTick(map, "x", "4"),
      ]);
      const centre = await getCentre(marker);
      expect(Math.abs(centre.y - (mu0.y + mu * (mu1.y - mu0.y)))).toBeLessThan(1);
      expect(Math.abs(centre.x - (eta0.x + (eta / 4) * (eta4.x - eta0.x)))).toBeLessThan(1);
      return centre;
    };
    const before = await check();
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    await expect(figure.getByText(/condition number κ/)).toContainText("316");
    const after = await check();
    // A worse condition number asks for more momentum: the marker climbs.
    expect(after.y).toBeLessThan(before.y - 10);
    await expect(figure.getByTestId("optimal-rate")).toHaveText(
      (((Math.sqrt(10 ** 2.5) - 1) / (Math.sqrt(10 ** 2.5) + 1)) as number).toFixed(4),
    );
  });

  test("the reader's (η, μ) runs on the quadratic; the optimum button reaches the optimal rate", async ({
    page,
  }) => {
    const figure = await getFigure(page, "momentum", MAP_CAPTION);
    const path = figure.getByTestId("contour-plot").locator("[data-trajectory] path");
    const chosen = figure.getByTestId("chosen-marker");
    const before = { d: await path.getAttribute("d"), cy: await chosen.getAttribute("cy") };
    // μ = 0.9 at η = 0.5 spirals in at √0.9 for κ = 100.
    await expect(figure.getByTestId("chosen-rate")).toHaveText(Math.sqrt(0.9).toFixed(4));
    const momentum = figure.getByRole("slider", { name: /momentum μ/ });
    await momentum.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowLeft");
    await expect.poll(() => path.getAttribute("d")).not.toBe(before.d);
    await expect.poll(() => chosen.getAttribute("cy")).not.toBe(before.cy);
    await figure.getByRole("button", { name: "Go to the optimum" }).click();
    await expect(figure.getByTestId("chosen-rate")).toHaveText(
      (await figure.getByTestId("optimal-rate").textContent()) ?? "",
    );
    await expect(chosen).toHaveAttribute(
      "cx",
      (await figure.getByTestId("optimum-marker").getAttribute("transform"))?.match(
        /translate\(([\d.]+),/,
      )?.[1] ?? "",
    );
    // Clicking the divergent corner of the map picks a pair that diverges, and the figure says so.
    const box = await figure.getByTestId("momentum-map").boundingBox();
    if (!box) throw new Error("map has no box");
    await figure
      .getByTestId("momentum-map")
      .click({ position: { x: box.width * 0.93, y: box.height * 0.8 } });
    await expect(figure.getByTestId("contour-plot")).toHaveAttribute("aria-label", /diverges/);
  });
});

test.describe("MinibatchNoise", () => {
  test("a larger batch draws a smaller noise ball; the same seed draws the same run", async ({ page }) => {
    const figure = await getFigure(page, "stochastic-gradient-descent", NOISE_CAPTION);
    const ball = figure.getByTestId("noise-ball");
    const path = figure.getByTestId("contour-plot").locator("[data-trajectory] path");
    const first = await path.getAttribute("d");
    const rx = async () => Number(await ball.getAttribute("rx"));
    const small = await rx();
    expect(small).toBeGreaterThan(3);
    const batch = figure.getByRole("slider", { name: /batch size B/ });
    await batch.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(batch).toHaveAttribute("aria-valuetext", "16");
    await expect.poll(rx).toBeLessThan(small / 1.5);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => path.getAttribute("d")).toBe(first);
    await figure.getByRole("button", { name: "New batches" }).click();
    await expect.poll(() => path.getAttribute("d")).not.toBe(first);

    await page.reload();
    const again = await getFigure(page, "stochastic-gradient-descent", NOISE_CAPTION);
    await expect(again.getByTestId("contour-plot").locator("[data-trajectory] path")).toHaveAttribute(
      "d",
      first ?? "",
    );
  });

  test("with the linear scaling rule on, η follows B and the noise floor stays put", async ({ page }) => {
    const figure = await getFigure(page, "stochastic-gradient-descent", NOISE_CAPTION);
    const ratio = figure.getByTestId("lr-per-example");
    const floor = async () => Number(await figure.getByTestId("noise-floor").textContent());
    const before = { ratio: await ratio.textContent(), floor: await floor() };
    await figure.getByRole("checkbox", { name: /linear scaling rule/ }).check();
    const batch = figure.getByRole("slider", { name: /batch size B/ });
    await batch.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(batch).toHaveAttribute("aria-valuetext", "16");
    await expect(figure.getByRole("slider", { name: /learning rate η/ })).toHaveAttribute(
      "aria-valuetext",
      /^0\.[34]/,
    );
    // η/B is kept to the slider's resolution (a 0.05 step in log10 η), and the floor with it.
    const after = Number(await ratio.textContent());
    expect(Math.abs(after / Number(before.ratio) - 1)).toBeLessThan(0.13);
    const ratioOfFloors = (await floor()) / before.floor;
    expect(ratioOfFloors).toBeGreaterThan(0.6);
    expect(ratioOfFloors).toBeLessThan(1.6);
    // Without the rule, a batch of 16 at the first η has a much lower floor.
    await figure.getByRole("checkbox", { name: /linear scaling rule/ }).uncheck();
    await figure.getByRole("slider", { name: /learning rate η/ }).fill("-1");
    await expect.poll(floor).toBeLessThan(before.floor / 2);
  });
});

for (const [slug, caption] of [
  ["momentum", MAP_CAPTION],
  ["stochastic-gradient-descent", NOISE_CAPTION],
] as const) {
  test(`/learn/${slug}: the figure fits a phone and its hydrated controls pass axe @phone`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const figure = await getFigure(page, slug, caption);
    await expect(figure.getByRole("slider").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include("figure").analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual(
        [],
      );
    }
  });
}
