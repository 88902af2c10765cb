import { describe, expect, it } from "vitest";

const { getJudgmentView } = await import("./view.server");
const { loadJudgmentConfig } = await import("./config");

describe("the page data of an exercise of judgment", () => {
  it("carries the curves and choices but never an answer, an explanation or a hint", async () => {
    const config = await loadJudgmentConfig("read-the-loss-curve");
    const view = await getJudgmentView("read-the-loss-curve");
    if (config?.kind !== "diagnose" || view?.kind !== "diagnose") throw new Error("not a diagnose exercise");
    const sent = JSON.stringify(view);
    for (const curve of config.curves) {
      expect(sent).not.toContain(curve.explanation);
      expect(sent).not.toContain(`"answer"`);
    }
    for (const choice of config.choices) expect(sent).not.toContain(choice.signature);
    expect(view.curves.map((c) => c.id)).toEqual(config.curves.map((c) => c.id));
    // Each curve is the core's run (one loss per step, step 0 included) with a text alternative.
    for (const [i, curve] of view.curves.entries()) {
      expect(curve.series[0]?.values).toHaveLength((config.curves[i]?.run.steps ?? 0) + 1);
      expect(curve.description).toMatch(/^Training loss over \d+ steps: starts at/);
    }
    expect(view.taskCode.length).toBeGreaterThan(100);
  });

  it("sends a prediction's questions and tolerances, not the expected numbers' sources or the worked solutions", async () => {
    const config = await loadJudgmentConfig("first-step-by-hand");
    const view = await getJudgmentView("first-step-by-hand");
    if (config?.kind !== "predict" || view?.kind !== "predict") throw new Error("not a predict exercise");
    const sent = JSON.stringify(view);
    for (const q of config.questions) {
      expect(sent).not.toContain(q.explanation);
      expect(sent).not.toContain(q.hint);
    }
    expect(sent).not.toContain('"value"');
    expect(view.questions[0]?.tolerance).toMatch(/^within /);
  });

  it("is null for a coded exercise or an unknown slug", async () => {
    expect(await getJudgmentView("adam")).toBeNull();
    expect(await getJudgmentView("nope")).toBeNull();
    expect(await loadJudgmentConfig("adam")).toBeNull();
  });
});
