import { describe, expect, it } from "vitest";
import { formatVerdict, pickBestVerdicts } from "./verdicts";

describe("pickBestVerdicts", () => {
  it("keeps passed once reached, else the latest verdict", () => {
    const best = pickBestVerdicts([
      { exerciseSlug: "momentum", verdict: "failed" },
      { exerciseSlug: "momentum", verdict: "passed" },
      { exerciseSlug: "momentum", verdict: "timeout" },
      { exerciseSlug: "adam", verdict: "failed" },
      { exerciseSlug: "adam", verdict: "compile-error" },
    ]);
    expect(best).toEqual({ momentum: "passed", adam: "compile-error" });
  });
  it("labels verdicts", () => {
    expect(formatVerdict("non-finite")).toBe("Non-finite values");
  });
});
