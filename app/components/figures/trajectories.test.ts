import { describe, expect, test } from "vitest";
import { runTrajectory } from "@/lib/optim";
import {
  computeSeries,
  createPlaygroundObjective,
  getDefaultStart,
  getMinimumValue,
  getObjectiveNameInSentence,
  PLAYGROUND_OBJECTIVES,
  resolveOptimizerSetup,
} from "./trajectories";

describe("resolveOptimizerSetup", () => {
  test("resolves presets to SGD with momentum", () => {
    expect(resolveOptimizerSetup("momentum", "rosenbrock")).toMatchObject({
      optimizer: "sgd",
      hparams: { momentum: 0.9, nesterov: false },
    });
    expect(resolveOptimizerSetup("nesterov", "booth")?.hparams.nesterov).toBe(true);
  });

  test("resolves every optimizer name and rejects unknown entries", () => {
    expect(resolveOptimizerSetup("adam", "beale")).toMatchObject({ label: "Adam", optimizer: "adam" });
    // PyTorch's spelling, as the lessons write it.
    expect(resolveOptimizerSetup("rmsprop", "beale")?.label).toBe("RMSprop");
    expect(resolveOptimizerSetup("bogus", "beale")).toBeNull();
  });
});

describe("getObjectiveNameInSentence", () => {
  test("lower-cases common nouns and keeps the names of people", () => {
    expect(getObjectiveNameInSentence(createPlaygroundObjective("quadratic"))).toBe(
      "ill-conditioned quadratic",
    );
    expect(getObjectiveNameInSentence(createPlaygroundObjective("rosenbrock"))).toBe("Rosenbrock");
    expect(getObjectiveNameInSentence(createPlaygroundObjective("styblinski_tang"))).toBe("Styblinski–Tang");
  });
});

describe("computeSeries", () => {
  test("matches runTrajectory exactly (the grader's code path)", () => {
    const objective = createPlaygroundObjective("rosenbrock");
    const setup = { optimizer: "adam" as const, hparams: { lr: 0.05 } };
    const series = computeSeries(objective, setup, [-1.5, 2], 50);
    const reference = runTrajectory({
      optimizer: "adam",
      hparams: { lr: 0.05 },
      objective,
      x0: [-1.5, 2],
      steps: 50,
    });
    expect(series.error).toBeNull();
    expect(series.divergedAt).toBeNull();
    expect(series.xs).toHaveLength(51);
    expect(series.xs[50]).toBe(reference.final[0]);
    expect(series.ys[50]).toBe(reference.final[1]);
    expect(Array.from(series.losses)).toEqual(Array.from(reference.losses));
  });

  test("reports invalid hyper-parameters with the core's message", () => {
    const objective = createPlaygroundObjective("booth");
    const series = computeSeries(objective, { optimizer: "adam", hparams: { betas: [0.9, 1] } }, [0, 0], 10);
    expect(series.error).toMatch(/betas\[1\]/);
    expect(series.xs).toHaveLength(0);
    const nesterov = computeSeries(
      objective,
      { optimizer: "sgd", hparams: { lr: 0.1, nesterov: true } },
      [0, 0],
      5,
    );
    expect(nesterov.error).toBe("nesterov requires momentum > 0 and dampening = 0");
  });

  test("stops a diverging run at the first non-finite step", () => {
    const objective = createPlaygroundObjective("rosenbrock");
    const series = computeSeries(objective, { optimizer: "sgd", hparams: { lr: 0.5 } }, [-1.5, 2], 100);
    expect(series.error).toBeNull();
    expect(series.divergedAt).not.toBeNull();
    expect(series.xs.length).toBe(series.divergedAt);
    expect(Array.from(series.xs).every(Number.isFinite)).toBe(true);
  });
});

test("default starts lie in the plotting box and default settings make progress", () => {
  for (const name of PLAYGROUND_OBJECTIVES) {
    const objective = createPlaygroundObjective(name);
    const [x, y] = getDefaultStart(name);
    const box = objective.box;
    expect(box).toBeDefined();
    expect(x).toBeGreaterThanOrEqual(box?.x[0] ?? 0);
    expect(y).toBeLessThanOrEqual(box?.y[1] ?? 0);
    const setup = resolveOptimizerSetup("adam", name);
    const series = computeSeries(objective, setup as NonNullable<typeof setup>, [x, y], 100);
    expect(series.divergedAt).toBeNull();
    expect(series.losses[100]).toBeLessThan(series.losses[0] as number);
  }
  expect(getMinimumValue(createPlaygroundObjective("himmelblau"))).toBeCloseTo(0, 10);
});
