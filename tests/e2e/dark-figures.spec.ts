import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../playwright-utils";

// The momentum map's colour scale reads in both themes: its end stops (fastest band, slowest band)
// and the divergent band stand out from the figure's background (3:1, WCAG's figure for graphics),
// the slowest band and "diverges" are not the same swatch, and axe finds nothing serious.

const MAP_CAPTION = /Heavy-ball momentum \(PyTorch’s form\)/;

/** WCAG contrast of two sRGB colours (0–255 channels). */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r = 0, g = 0, b = 0] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Distance of two sRGB colours in Oklab (0: the same colour; about 0.1 is a clear difference). */
function oklabDistance(a: number[], b: number[]): number {
  const toOklab = (rgb: number[]) => {
    const [r = 0, g = 0, bl = 0] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl);
    const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl);
    const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl);
    return [
      0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
      1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
      0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
    ];
  };
  const [p, q] = [toOklab(a), toOklab(b)];
  return Math.hypot(...p.map((v, i) => v - (q[i] ?? 0)));
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`the momentum map's colour scale reads in the ${colorScheme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.goto("/learn/momentum");
    const figure = page
      .locator("figure")
      .filter({ has: page.locator("figcaption", { hasText: MAP_CAPTION }) });
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator("xpath=..")).toHaveAttribute("data-figure-ready", "true");

    // The legend's swatches are the map's fills, fastest first and "diverges" last, as the screen shows them.
    const { swatches, background, mapFills } = await figure.evaluate((node) => {
      const canvas = document.createElement("canvas");
      canvas.width = 1;
      canvas.height = 1;
      const context = canvas.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
      const toRgb = (css: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = "#000";
        context.fillStyle = css;
        context.fillRect(0, 0, 1, 1);
        return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
      };
      const patches = Array.from(node.querySelectorAll('ul[aria-label="Rate bands"] li > span:first-child'));
      const fills = Array.from(node.querySelectorAll("[data-band]")).map(
        (path) => getComputedStyle(path).fill,
      );
      return {
        swatches: patches.map((patch) => toRgb(getComputedStyle(patch).backgroundColor)),
        background: toRgb(getComputedStyle(node).backgroundColor),
        mapFills: new Set(fills.map(toRgb).map((rgb) => rgb.join(","))).size,
      };
    });
    expect(swatches.length).toBeGreaterThanOrEqual(3);
    const fastest = swatches[0] as number[];
    const slowest = swatches[swatches.length - 2] as number[];
    const diverges = swatches[swatches.length - 1] as number[];
    expect(mapFills, "the map's bands are painted").toBeGreaterThan(1);
    expect(contrast(fastest, background), "fastest band against the background").toBeGreaterThanOrEqual(3);
    expect(contrast(slowest, background), "slowest band against the background").toBeGreaterThanOrEqual(3);
    expect(contrast(diverges, background), "divergent band against the background").toBeGreaterThanOrEqual(3);
    expect(oklabDistance(slowest, diverges), "slowest band and 'diverges' differ").toBeGreaterThanOrEqual(
      0.15,
    );
    expect(oklabDistance(fastest, slowest), "the scale's two ends differ").toBeGreaterThanOrEqual(0.15);

    const results = await new AxeBuilder({ page }).include('[data-figure="MomentumConvergence"]').analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
