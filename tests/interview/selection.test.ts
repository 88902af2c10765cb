import { describe, expect, it } from "vitest";
import { INTERVIEW_DIMENSIONS } from "@/lib/content/interview-schema";
import { INTERVIEW_FORMAT_IDS, INTERVIEW_FORMATS } from "@/lib/interview/formats";
import { judgeReadiness, READINESS_RULE } from "@/lib/interview/readiness";
import { pickWeakestTopics, selectItems } from "@/lib/interview/selection";
import { fixtureItems as bank } from "./fixtures";

describe("selecting the items of an interview", () => {
  it.each(INTERVIEW_FORMAT_IDS)("%s: no repeats, within the minutes, only the format's types", (format) => {
    const spec = INTERVIEW_FORMATS[format];
    for (let seed = 1; seed <= 30; seed++) {
      const items = selectItems({ bank, format, focus: "all", seed });
      expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
      expect(items.reduce((sum, item) => sum + item.minutes, 0)).toBeLessThanOrEqual(spec.minutes);
      for (const item of items) expect(spec.types as readonly string[]).toContain(item.type);
    }
  });

  it.each(INTERVIEW_FORMAT_IDS)("%s: every dimension the format's pool has is asked", (format) => {
    const spec = INTERVIEW_FORMATS[format];
    const pool = bank.filter(
      (item) => (spec.types as readonly string[]).includes(item.type) && item.minutes <= spec.maxItemMinutes,
    );
    const available = INTERVIEW_DIMENSIONS.filter((d) => pool.some((item) => item.dimension === d));
    for (let seed = 1; seed <= 30; seed++) {
      const asked = new Set(selectItems({ bank, format, focus: "all", seed }).map((item) => item.dimension));
      for (const dimension of available) expect(asked, `seed ${seed}`).toContain(dimension);
    }
  });

  it.each(INTERVIEW_FORMAT_IDS)("%s: every item type of the format the pool has is asked", (format) => {
    const spec = INTERVIEW_FORMATS[format];
    const pool = bank.filter(
      (item) => (spec.types as readonly string[]).includes(item.type) && item.minutes <= spec.maxItemMinutes,
    );
    const types = new Set(pool.map((item) => item.type));
    for (let seed = 1; seed <= 30; seed++) {
      const asked = new Set(selectItems({ bank, format, focus: "all", seed }).map((item) => item.type));
      for (const type of types)
        if (type !== "code" || spec.codeItems > 0) expect(asked, `seed ${seed}`).toContain(type);
    }
  });

  it("asks a code item in an implementation round, first; in a full loop, last", () => {
    const implementation = selectItems({ bank, format: "implementation", focus: "all", seed: 3 });
    expect(implementation[0]?.type).toBe("code");
    const full = selectItems({ bank, format: "full", focus: "all", seed: 3 });
    expect(full.at(-1)?.type).toBe("code");
    expect(
      selectItems({ bank, format: "theory", focus: "all", seed: 3 }).some((i) => i.type === "code"),
    ).toBe(false);
  });

  it("is the same for the same seed and differs across seeds", () => {
    const ids = (seed: number) =>
      selectItems({ bank, format: "theory", focus: "all", seed }).map((i) => i.id);
    expect(ids(42)).toEqual(ids(42));
    expect(new Set(Array.from({ length: 10 }, (_, i) => ids(i).join())).size).toBeGreaterThan(1);
  });

  it("keeps to one topic when focused on it", () => {
    const items = selectItems({ bank, format: "theory", focus: "adam", seed: 1 });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.topic).toBe("adam");
  });

  it("draws 'my weakest' from the weakest topics first, topped up from the rest", () => {
    const weakness = new Map([
      ["memory", 5],
      ["weight-decay", 3],
      ["sgd", 0],
    ]);
    expect(pickWeakestTopics(weakness)).toEqual(["memory", "weight-decay"]);
    const items = selectItems({ bank, format: "rapid", focus: "weakest", seed: 7, weakness });
    const weak = items.filter((item) => item.topic === "memory" || item.topic === "weight-decay");
    expect(weak.length).toBe(
      bank.filter((i) => ["memory", "weight-decay"].includes(i.topic) && i.minutes <= 3).length,
    );
    expect(items.length).toBeGreaterThan(weak.length);
    // Without any weakness yet, it is the whole bank.
    expect(selectItems({ bank, format: "rapid", focus: "weakest", seed: 7 }).length).toBeGreaterThan(0);
  });
});

describe("the readiness rule", () => {
  const at = (points: number, dimension: (typeof INTERVIEW_DIMENSIONS)[number] = "knowledge") => ({
    dimension,
    points,
  });

  it("is Ready at a mean of 3 with no dimension below 2", () => {
    expect(judgeReadiness([at(3), at(3, "derivation"), at(3, "judgment")])).toMatchObject({
      readiness: "ready",
      score: 75,
    });
    expect(judgeReadiness([at(4), at(4), at(4), at(2, "derivation")]).readiness).toBe("ready");
  });

  it("is Almost when one dimension is below 2 though the mean is high, or the mean is 2 to 3", () => {
    expect(judgeReadiness([at(4), at(4), at(4), at(4), at(1.5, "derivation")])).toMatchObject({
      readiness: "almost",
      dimensions: { derivation: { mean: 1.5, count: 1 } },
    });
    expect(judgeReadiness([at(2.9), at(2.9)]).readiness).toBe("almost");
  });

  it("is Not yet below a mean of 2, and for an interview with nothing asked", () => {
    expect(judgeReadiness([at(1.99), at(1.99, "judgment")]).readiness).toBe("not-yet");
    expect(judgeReadiness([])).toMatchObject({ readiness: "not-yet", score: 0 });
  });

  it("is written in words that name its thresholds", () => {
    expect(READINESS_RULE).toMatch(/at least 3 of 4/);
    expect(READINESS_RULE).toMatch(/no dimension below 2/);
  });
});
