import { describe, expect, it } from "vitest";
import {
  formatGoldenResult,
  formatGoldenSummary,
  GoldenFormatError,
  parseGoldenFile,
  runGoldenCase,
  runGoldenFile,
} from "./golden";

// SGD on the 1-D quadratic (lambda = 1): x_k = (1 - lr)^k x0, easy to write down exactly.
function makeFile(checkpoints: Record<string, number[]>, extra: Record<string, unknown> = {}) {
  return {
    format: "optim-golden/1",
    cases: [
      {
        id: "sgd-q1",
        optimizer: "sgd",
        hparams: { lr: 0.5 },
        objective: { name: "quadratic", args: { condition: 10 } },
        x0: [8],
        steps: 3,
        checkpoints,
        ...extra,
      },
    ],
  };
}

describe("parseGoldenFile", () => {
  it("accepts a valid file and Python's NaN/Infinity tokens", () => {
    expect(parseGoldenFile(JSON.stringify(makeFile({ "1": [4], "3": [1] }))).cases).toHaveLength(1);
    const text = JSON.stringify(makeFile({ "1": [4] })).replace('"final_loss_placeholder"', "NaN");
    expect(
      parseGoldenFile(text.replace('"steps":3', '"steps":3,"final_loss":NaN')).cases[0]?.final_loss,
    ).toBeNaN();
  });

  it.each([
    ["{", /not valid JSON/],
    [JSON.stringify({ format: "optim-golden/2", cases: [] }), /at format/],
    [JSON.stringify(makeFile({ "1": [4, 5] })), /at cases\[0\]\.checkpoints\.1: has 2 coordinates, x0 has 1/],
    [JSON.stringify(makeFile({ "9": [4] })), /step 9 is after the last step 3/],
    [JSON.stringify(makeFile({ "0": [4] })), /checkpoint keys must be step numbers/],
    [JSON.stringify(makeFile({ "1": [4] }, { optimizer: "adamm" })), /at cases\[0\]\.optimizer/],
  ])("rejects malformed input %#", (text, message) => {
    expect(() => parseGoldenFile(text)).toThrow(GoldenFormatError);
    expect(() => parseGoldenFile(text)).toThrow(message);
  });

  it("rejects duplicate ids", () => {
    const f = makeFile({ "1": [4] });
    const twice = { ...f, cases: [...f.cases, ...f.cases] };
    expect(() => parseGoldenFile(JSON.stringify(twice))).toThrow(/duplicate id "sgd-q1"/);
  });
});

describe("runGoldenCase", () => {
  it("passes within 1e-9 * max(1, |x|) and reports the worst coordinate", () => {
    const ok = parseGoldenFile(JSON.stringify(makeFile({ "1": [4], "2": [2 + 0.5e-9], "3": [1] })));
    const [r] = runGoldenFile(ok);
    expect(r?.pass).toBe(true);
    expect(r?.worst).toMatchObject({ step: 2, coord: 0, expected: 2 + 0.5e-9, actual: 2 });
    expect(Math.abs((r?.worst?.scaledError ?? 0) - 0.25e-9)).toBeLessThan(1e-15);
    expect(formatGoldenResult(r ?? ({} as never))).toMatch(
      /^sgd-q1 {2}PASS {2}worst 2\.50e-10 at step 2, x\[0\]/,
    );
  });

  it("fails beyond the tolerance and on NaN", () => {
    const bad = parseGoldenFile(JSON.stringify(makeFile({ "1": [4], "3": [1 + 2e-9] })));
    expect(runGoldenCase(bad.cases[0] ?? ({} as never)).pass).toBe(false);
    const nan = parseGoldenFile(
      JSON.stringify(makeFile({ "1": [4] }, { x0: [Number.MAX_VALUE], hparams: { lr: -0 } })),
    );
    expect(runGoldenCase(nan.cases[0] ?? ({} as never)).pass).toBe(false);
  });

  it("turns an invalid configuration into a failed case, not a crash", () => {
    const file = parseGoldenFile(JSON.stringify(makeFile({ "1": [4] }, { hparams: { lr: 0.5, beta: 1 } })));
    const results = runGoldenFile(file);
    expect(results[0]).toMatchObject({ pass: false, worst: null, error: 'Unknown parameter "beta" for sgd' });
    expect(formatGoldenSummary(results)).toBe("0 passed, 1 failed");
  });
});
