import { describe, expect, it } from "vitest";
import { isExerciseSlug, loadExerciseDefinition } from "@/lib/content/registry";
import { parseStoredAnswer, wordJudgmentAnswer } from "./answer-words";

async function loadJudgmentConfig(slug: string) {
  if (!isExerciseSlug(slug)) throw new Error(`no exercise ${slug}`);
  return loadExerciseDefinition(slug);
}

describe("wordJudgmentAnswer", () => {
  it("names a tuning answer's hyper-parameters by their labels, in the form's order", async () => {
    const config = await loadJudgmentConfig("tune-adam-rosenbrock");
    if (config?.kind !== "tune") throw new Error("tune-adam-rosenbrock is a tuning exercise");
    expect(wordJudgmentAnswer(config, { beta2: 0.9999, lr: 0.003, beta1: 0.9 })).toBe(
      "learning rate η 0.003, β1 (momentum) 0.9, β2 (second moment) 0.9999",
    );
  });

  it("names each curve by its run and the cause by the choice's label", async () => {
    const config = await loadJudgmentConfig("read-the-loss-curve");
    if (config?.kind !== "diagnose") throw new Error("read-the-loss-curve is a diagnosis exercise");
    const words = wordJudgmentAnswer(config, { "run-b": "lr-too-low", "run-a": "overfitting" });
    expect(words).toBe("Run A: Overfitting; Run B: Learning rate too low");
  });

  it("numbers a prediction's answers as the form numbers its questions, with a real minus sign", async () => {
    const config = await loadJudgmentConfig("first-step-by-hand");
    if (config?.kind !== "predict") throw new Error("first-step-by-hand is a prediction exercise");
    expect(
      wordJudgmentAnswer(config, {
        overshoot: -1.5,
        "first-coordinate": 0.9,
        "second-coordinate": 0,
        "loss-after-step": 0.405,
      }),
    ).toBe("Q1 0.9, Q2 0, Q3 0.405, Q4 −1.5");
  });

  it("keeps keys the exercise no longer has, and an unknown choice, as stored", () => {
    const vocabulary = {
      kind: "diagnose" as const,
      curves: [{ id: "run-a", title: "Run A: a run" }],
      choices: [{ id: "healthy", label: "Nothing wrong" }],
    };
    expect(wordJudgmentAnswer(vocabulary, { "run-a": "retired-cause", "run-z": "healthy" })).toBe(
      "Run A: retired-cause; run-z healthy",
    );
  });
});

describe("parseStoredAnswer", () => {
  it("reads the stored object's numbers and choice ids and drops anything else", () => {
    expect(parseStoredAnswer('{"lr":0.003,"run-a":"healthy","x":null,"y":[1]}')).toEqual({
      lr: 0.003,
      "run-a": "healthy",
    });
  });

  it("reads what is not an object as no answer", () => {
    for (const text of ["[1,2]", "null", "3", "not json"]) expect(parseStoredAnswer(text)).toBeNull();
  });
});
