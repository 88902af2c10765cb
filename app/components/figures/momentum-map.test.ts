import { describe, expect, it } from "vitest";
import { describeMomentumMap, getRateBands, RATE_BANDS } from "./momentum-map";

describe("momentum map", () => {
  it("places Polyak's optimum and compares it with the best plain step", () => {
    const { optimum, gdRate, rate } = describeMomentumMap(100, 0.5, 0.9);
    expect(optimum.momentum).toBeCloseTo((9 / 11) ** 2, 12);
    expect(optimum.lr).toBeCloseTo((2 / 1.1) ** 2, 12);
    expect(optimum.rate).toBeCloseTo(9 / 11, 12);
    expect(gdRate).toBeCloseTo(99 / 101, 12);
    // μ = 0.9 with this η: complex roots for the flat direction, rate √0.9.
    expect(rate).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it("draws one band per rate level that occurs, the divergent one included", () => {
    const bands = getRateBands(100, 360, 336);
    expect(bands[0]?.index).toBe(0);
    expect(bands.at(-1)?.value).toBe(1);
    expect(bands.at(-1)?.index).toBe(RATE_BANDS.length);
    for (const band of bands) expect(band.d).toMatch(/^M[\d.]+,[\d.]+L/);
  });
});
