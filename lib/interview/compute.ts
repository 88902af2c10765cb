// The expected values of numeric items, computed from the item's arguments by the reference core
// (lib/optim for every step and schedule), never typed into the bank. Pure.
import * as z from "zod/mini";
import type { ComputeName, ComputeSpec } from "../content/interview-schema";
import { createOptimizer, createSchedule } from "../optim";

const num = z.number().check(z.refine(Number.isFinite, { error: "must be a finite number" }));
const positive = num.check(z.refine((v) => v > 0, { error: "must be > 0" }));
const unit = num.check(z.refine((v) => v >= 0 && v < 1, { error: "must be in [0, 1)" }));
const count = num.check(z.refine((v) => Number.isInteger(v) && v >= 0, { error: "must be an integer >= 0" }));
const adamArgs = { lr: positive, beta1: unit, beta2: unit, eps: z.optional(num) };

const ARGS = {
  "adam-first-step": z.strictObject({ ...adamArgs, grad: num }),
  "adam-step": z.strictObject({ ...adamArgs, grads: z.array(num).check(z.minLength(1)) }),
  "bias-correction": z.strictObject({ beta: unit, t: positive }),
  "ema-window": z.strictObject({ beta: unit }),
  "sgd-step": z.strictObject({ lr: positive, grad: num }),
  "momentum-steady-step": z.strictObject({ lr: positive, momentum: unit, grad: num }),
  "max-stable-lr-quadratic": z.strictObject({ curvature: positive }),
  "optimal-lr-quadratic": z.strictObject({ mu: positive, L: positive }),
  "heavy-ball-optimal-momentum": z.strictObject({ mu: positive, L: positive }),
  "linear-scaling-lr": z.strictObject({ lr: positive, batch: positive, newBatch: positive }),
  "sqrt-scaling-lr": z.strictObject({ lr: positive, batch: positive, newBatch: positive }),
  "optimizer-state-bytes": z.strictObject({
    optimizer: z.enum(["sgd", "momentum", "adam", "adafactor-matrix"]),
    params: positive,
    bytesPerValue: positive,
    rows: z.optional(positive),
    cols: z.optional(positive),
  }),
  "warmup-cosine-lr": z.strictObject({
    lr: positive,
    warmup: count,
    total: positive,
    step: count,
    minLr: z.optional(num),
  }),
  "step-decay-lr": z.strictObject({ lr: positive, gamma: positive, stepSize: positive, step: count }),
} satisfies Record<ComputeName, z.ZodMiniType>;

type Args<N extends ComputeName> = z.infer<(typeof ARGS)[N]>;

/** The parameter change of Adam's steps on one coordinate (torch semantics), on the last step. */
function adamChange(args: { lr: number; beta1: number; beta2: number; eps?: number }, grads: number[]) {
  const adam = createOptimizer("adam", 1, {
    lr: args.lr,
    betas: [args.beta1, args.beta2],
    eps: args.eps ?? 1e-8,
  });
  const params = new Float64Array(1);
  let before = 0;
  for (const g of grads) {
    before = params[0] as number;
    adam.step(params, new Float64Array([g]));
  }
  return (params[0] as number) - before;
}

const COMPUTE: { [N in ComputeName]: (args: Args<N>) => number } = {
  "adam-first-step": (a) => adamChange(a, [a.grad]),
  "adam-step": (a) => adamChange(a, a.grads),
  "bias-correction": (a) => 1 - a.beta ** a.t,
  "ema-window": (a) => 1 / (1 - a.beta),
  "sgd-step": (a) => {
    const sgd = createOptimizer("sgd", 1, { lr: a.lr });
    const params = new Float64Array(1);
    sgd.step(params, new Float64Array([a.grad]));
    return params[0] as number;
  },
  // With a constant gradient, PyTorch's buffer b ← μb + g tends to g/(1−μ), the step to −lr·g/(1−μ).
  "momentum-steady-step": (a) => (-a.lr * a.grad) / (1 - a.momentum),
  "max-stable-lr-quadratic": (a) => 2 / a.curvature,
  "optimal-lr-quadratic": (a) => 2 / (a.mu + a.L),
  "heavy-ball-optimal-momentum": (a) => {
    const root = Math.sqrt(a.L / a.mu);
    return ((root - 1) / (root + 1)) ** 2;
  },
  "linear-scaling-lr": (a) => (a.lr * a.newBatch) / a.batch,
  "sqrt-scaling-lr": (a) => a.lr * Math.sqrt(a.newBatch / a.batch),
  "optimizer-state-bytes": (a) => {
    switch (a.optimizer) {
      case "sgd":
        return 0;
      case "momentum":
        return a.params * a.bytesPerValue;
      case "adam":
        return 2 * a.params * a.bytesPerValue;
      case "adafactor-matrix":
        if (a.rows === undefined || a.cols === undefined)
          throw new ComputeArgsError("optimizer-state-bytes", "adafactor-matrix needs rows and cols");
        return (a.rows + a.cols) * a.bytesPerValue;
    }
  },
  "warmup-cosine-lr": (a) =>
    createSchedule(a.lr, {
      type: "warmup-cosine",
      warmupSteps: a.warmup,
      totalSteps: a.total,
      ...(a.minLr === undefined ? {} : { minLr: a.minLr }),
    })(a.step),
  "step-decay-lr": (a) =>
    createSchedule(a.lr, { type: "step", stepSize: a.stepSize, gamma: a.gamma })(a.step),
};

/** Arguments a computation cannot take (a bank error, reported by check:content). */
export class ComputeArgsError extends Error {
  constructor(name: string, problem: string) {
    super(`compute "${name}": ${problem}`);
  }
}

/** The expected value of a numeric item; throws ComputeArgsError naming the bad argument. */
export function computeExpected(spec: ComputeSpec): number {
  const schema = ARGS[spec.name];
  const parsed = schema.safeParse(spec.args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ComputeArgsError(spec.name, `args.${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`);
  }
  const run = COMPUTE[spec.name] as (args: unknown) => number;
  const value = run(parsed.data);
  if (!Number.isFinite(value)) throw new ComputeArgsError(spec.name, "the value is not finite");
  return value;
}
