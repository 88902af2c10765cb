import { describe, expect, it } from "vitest";
import { gradeOffline } from "@/lib/interview/grade-item";
import {
  compareExpressions,
  gradeChoice,
  gradeExplain,
  gradeFormula,
  gradeNumeric,
  gradeOrder,
  isWithinTolerance,
  suggestKeyPoints,
} from "@/lib/interview/graders";
import { fixtureItem, fixtureItems } from "./fixtures";

describe("choice", () => {
  const single = fixtureItem("adam-bias-why", "choice");
  const multiple = fixtureItem("adaptive-optimizers", "choice");

  it("scores a single answer all or nothing", () => {
    expect(gradeChoice(single, ["zero-init"]).fraction).toBe(1);
    expect(gradeChoice(single, ["noise"])).toMatchObject({ fraction: 0, missed: ["zero-init", "noise"] });
    expect(gradeChoice(single, []).fraction).toBe(0);
  });

  it("gives partial credit on select-all-that-apply, taking off wrong picks, never below 0", () => {
    expect(gradeChoice(multiple, ["adam", "rmsprop", "adagrad"]).fraction).toBe(1);
    expect(gradeChoice(multiple, ["adam", "rmsprop"]).fraction).toBeCloseTo(2 / 3);
    expect(gradeChoice(multiple, ["adam", "rmsprop", "adagrad", "sgd"]).fraction).toBeCloseTo(2 / 3);
    expect(gradeChoice(multiple, ["sgd"]).fraction).toBe(0);
  });

  it("refuses unknown options, and several picks on a single-answer item", () => {
    expect(() => gradeOffline(single, { picked: ["nope"] })).toThrow(/unknown option/);
    expect(() => gradeOffline(single, { picked: ["zero-init", "noise"] })).toThrow(/choose one/);
  });
});

describe("order (share of pairs in the right order)", () => {
  const item = fixtureItem("mixed-precision-steps", "order");
  const right = item.items.map((entry) => entry.id);

  it("is 1 in order, 0 reversed, 0.9 with one swap of neighbours among five", () => {
    expect(gradeOrder(item, right).fraction).toBe(1);
    expect(gradeOrder(item, [...right].reverse()).fraction).toBe(0);
    const swapped = [right[0], right[2], right[1], right[3], right[4]] as string[];
    expect(gradeOrder(item, swapped)).toMatchObject({ fraction: 0.9, missed: [right[1], right[2]] });
  });

  it("refuses an order that is not every entry once", () => {
    expect(() => gradeOffline(item, { order: right.slice(1) })).toThrow(/every entry once/);
    expect(() => gradeOffline(item, { order: [right[0], ...right.slice(0, 4)] })).toThrow(/every entry once/);
  });
});

describe("numeric tolerance", () => {
  it("counts the edge of a relative tolerance as within, just past it as outside", () => {
    expect(isWithinTolerance(101, 100, { relative: 0.01 })).toBe(true);
    expect(isWithinTolerance(99, 100, { relative: 0.01 })).toBe(true);
    expect(isWithinTolerance(101.0001, 100, { relative: 0.01 })).toBe(false);
    expect(isWithinTolerance(-0.00101, -0.001, { relative: 0.01 })).toBe(true);
    expect(isWithinTolerance(-0.001011, -0.001, { relative: 0.01 })).toBe(false);
  });

  it("counts the edge of an absolute tolerance as within", () => {
    expect(isWithinTolerance(0.1 + 1e-6, 0.1, { absolute: 1e-6 })).toBe(true);
    expect(isWithinTolerance(0.1 + 1.01e-6, 0.1, { absolute: 1e-6 })).toBe(false);
    expect(isWithinTolerance(Number.NaN, 0.1, { absolute: 1 })).toBe(false);
    expect(isWithinTolerance(Number.POSITIVE_INFINITY, 0.1, { absolute: 1 })).toBe(false);
  });

  it("grades Adam's first step against the core: −lr·sign(g), about −0.001", () => {
    const item = fixtureItem("adam-first-step-number", "numeric");
    expect(gradeNumeric(item, -0.001).fraction).toBe(1);
    expect(gradeNumeric(item, -0.0010099).fraction).toBe(1);
    expect(gradeNumeric(item, -0.00101).fraction).toBe(0);
    expect(gradeNumeric(item, 0.001).fraction).toBe(0);
    expect(gradeNumeric(item, -0.0005).fraction).toBe(0);
  });
});

describe("formula equivalence at random points", () => {
  const adamw = fixtureItem("adamw-update", "formula");

  it("accepts the answer and every accepted form of each formula item", () => {
    for (const item of fixtureItems) {
      if (item.type !== "formula") continue;
      for (const form of [item.answer, ...item.accepts])
        expect(gradeFormula(item, form).fraction, `${item.id}: ${form}`).toBe(1);
    }
  });

  it("refuses every look-alike of each formula item", () => {
    for (const item of fixtureItems) {
      if (item.type !== "formula") continue;
      for (const form of item.lookalikes)
        expect(gradeFormula(item, form).fraction, `${item.id}: ${form}`).toBe(0);
    }
  });

  it("accepts rearrangements, implicit products, ** and unicode minus", () => {
    expect(gradeFormula(adamw, "theta(1 - lr lambda) - lr u").fraction).toBe(1);
    expect(gradeFormula(adamw, "-lr*u + theta - lambda*lr*theta").fraction).toBe(1);
    expect(gradeFormula(adamw, "theta − lr*(u + lambda*theta)").fraction).toBe(1);
    const ema = fixtureItem("ema-window-formula", "formula");
    expect(gradeFormula(ema, "(1-beta)**-1").fraction).toBe(1);
  });

  it("refuses a wrong form that agrees at a few points", () => {
    const vars = { x: { min: 0, max: 3 } };
    // x(x−1)(x−2) vanishes at 0, 1, 2: the forms agree there and nowhere else in [0, 3].
    expect(compareExpressions("x", "x + x*(x-1)*(x-2)", vars).equivalent).toBe(false);
    // Agree to 6 digits near the middle of the range only.
    expect(compareExpressions("sqrt(x)", "x^0.5000001", vars).equivalent).toBe(false);
    expect(compareExpressions("1/(1-b)", "1 + b + b^2 + b^3", { b: { min: 0, max: 0.5 } }).equivalent).toBe(
      false,
    );
  });

  it("skips points where the answer is undefined, and refuses a form undefined where the answer is not", () => {
    const vars = { x: { min: -1, max: 1 } };
    expect(compareExpressions("sqrt(x)^2", "x", vars).equivalent).toBe(true);
    expect(compareExpressions("x", "sqrt(x)^2", vars)).toMatchObject({
      equivalent: false,
      reason: /undefined/,
    });
    expect(compareExpressions("log(-x^2-1)", "x", vars)).toMatchObject({
      equivalent: false,
      reason: /too many/,
    });
  });

  it("names unknown variables and syntax errors instead of throwing", () => {
    expect(gradeFormula(adamw, "theta - eta*u").note).toMatch(/Unknown name "eta"/);
    expect(gradeFormula(adamw, "theta - (lr*u").note).toMatch(/Parenthesis \) expected/);
    expect(gradeFormula(adamw, "theta $ 2").note).toMatch(/Unknown name "\$"/);
    expect(gradeFormula(adamw, "foo(theta)").note).toMatch(/Unknown name "foo"/);
  });

  it("reads -x^2 as -(x^2) and a^b^c as a^(b^c)", () => {
    const vars = { x: { min: 1, max: 2 } };
    expect(compareExpressions("-(x^2)", "-x^2", vars).equivalent).toBe(true);
    expect(compareExpressions("x^(2^3)", "x^2^3", vars).equivalent).toBe(true);
    expect(compareExpressions("(x^2)^3", "x^2^3", vars).equivalent).toBe(false);
  });
});

describe("explain (the learner's marks decide)", () => {
  const item = fixtureItem("adam-bias-explain", "explain");

  it("pre-marks key points whose phrases appear, by substring or /regex/", () => {
    expect(suggestKeyPoints(item, "Both averages are INITIALIZED TO ZERO, so they are biased.")).toEqual([
      "zero-init",
      "biased-low",
    ]);
    expect(suggestKeyPoints(item, "m is init at 0")).toEqual(["zero-init"]);
    expect(suggestKeyPoints(item, "no idea")).toEqual([]);
  });

  it("scores the points marked, whatever the suggestions", () => {
    expect(gradeExplain(item, ["zero-init", "divide"])).toMatchObject({
      fraction: 2 / 3,
      missed: ["biased-low"],
    });
    expect(gradeExplain(item, []).fraction).toBe(0);
    const graded = gradeOffline(item, {
      text: "they start at zero",
      covered: ["zero-init", "biased-low", "divide"],
    });
    expect(graded.points).toBe(4);
    expect(graded.detail).toMatchObject({ suggested: ["zero-init"], marking: false });
  });

  it("scores the text by its suggestions until the learner marks, and refuses unknown points", () => {
    expect(gradeOffline(item, { text: "they start at zero" })).toMatchObject({
      points: 1.33,
      detail: { marking: true },
    });
    expect(() => gradeOffline(item, { text: "x", covered: ["made-up"] })).toThrow(/unknown key point/);
  });
});
