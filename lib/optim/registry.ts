import * as z from "zod/mini";
import { OptimizerConfigError, parseConfig } from "../config-error";
import { Adadelta, adadeltaSchema } from "./adadelta";
import { Adafactor, adafactorSchema } from "./adafactor";
import { Adagrad, adagradSchema } from "./adagrad";
import { Adam, adamSchema } from "./adam";
import { Adamax, adamaxSchema } from "./adamax";
import { adamwSchema, createAdamw } from "./adamw";
import { Lamb, lambSchema } from "./lamb";
import { Lion, lionSchema } from "./lion";
import { Muon, muonSchema } from "./muon";
import { Nadam, nadamSchema } from "./nadam";
import { Radam, radamSchema } from "./radam";
import { Rmsprop, rmspropSchema } from "./rmsprop";
import {
  AdamwScheduleFree,
  adamwScheduleFreeSchema,
  SgdScheduleFree,
  sgdScheduleFreeSchema,
} from "./schedule-free";
import { Sgd, sgdSchema } from "./sgd";
import type { HparamValue, Optimizer, OptimizerName } from "./types";

/** Every optimizer of the core, in teaching order. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = Object.freeze([
  "sgd",
  "rmsprop",
  "adam",
  "adamw",
  "adagrad",
  "nadam",
  "radam",
  "adamax",
  "adadelta",
  "lion",
  "lamb",
  "adafactor",
  "muon",
  "sgd_schedulefree",
  "adamw_schedulefree",
]);

type ObjectSchema = z.ZodMiniObject<z.core.$ZodShape, z.core.$strict>;

interface RegistryEntry {
  readonly schema: ObjectSchema;
  parse(input: unknown): Readonly<Record<string, HparamValue>>;
  build(dim: number, input: unknown, layers: readonly number[]): Optimizer;
}

function defineEntry<S extends ObjectSchema>(
  name: OptimizerName,
  schema: S,
  create: (dim: number, hparams: z.output<S>, layers: readonly number[]) => Optimizer,
): RegistryEntry {
  const parse = (input: unknown): z.output<S> => parseConfig(schema, input ?? {}, name);
  return {
    schema,
    parse: (input) => parse(input) as Readonly<Record<string, HparamValue>>,
    build: (dim, input, layers) => create(dim, parse(input), layers),
  };
}

const REGISTRY: Readonly<Record<OptimizerName, RegistryEntry>> = {
  sgd: defineEntry("sgd", sgdSchema, (dim, h) => new Sgd(dim, h)),
  rmsprop: defineEntry("rmsprop", rmspropSchema, (dim, h) => new Rmsprop(dim, h)),
  adam: defineEntry("adam", adamSchema, (dim, h) => new Adam(dim, h)),
  adamw: defineEntry("adamw", adamwSchema, (dim, h) => createAdamw(dim, h)),
  adagrad: defineEntry("adagrad", adagradSchema, (dim, h) => new Adagrad(dim, h)),
  nadam: defineEntry("nadam", nadamSchema, (dim, h) => new Nadam(dim, h)),
  radam: defineEntry("radam", radamSchema, (dim, h) => new Radam(dim, h)),
  adamax: defineEntry("adamax", adamaxSchema, (dim, h) => new Adamax(dim, h)),
  adadelta: defineEntry("adadelta", adadeltaSchema, (dim, h) => new Adadelta(dim, h)),
  lion: defineEntry("lion", lionSchema, (dim, h) => new Lion(dim, h)),
  lamb: defineEntry("lamb", lambSchema, (dim, h, layers) => new Lamb(dim, h, layers)),
  adafactor: defineEntry("adafactor", adafactorSchema, (dim, h) => new Adafactor(dim, h)),
  muon: defineEntry("muon", muonSchema, (dim, h) => new Muon(dim, h)),
  sgd_schedulefree: defineEntry(
    "sgd_schedulefree",
    sgdScheduleFreeSchema,
    (dim, h) => new SgdScheduleFree(dim, h),
  ),
  adamw_schedulefree: defineEntry(
    "adamw_schedulefree",
    adamwScheduleFreeSchema,
    (dim, h) => new AdamwScheduleFree(dim, h),
  ),
};

/** True when `name` is one of OPTIMIZER_NAMES. */
export function isOptimizerName(name: unknown): name is OptimizerName {
  return typeof name === "string" && (OPTIMIZER_NAMES as readonly string[]).includes(name);
}

function getEntry(name: unknown): RegistryEntry {
  if (!isOptimizerName(name)) {
    throw new OptimizerConfigError(
      `Unknown optimizer ${JSON.stringify(name)} (expected one of ${OPTIMIZER_NAMES.join(", ")})`,
      "optimizer",
    );
  }
  return REGISTRY[name];
}

/**
 * Creates a validated optimizer over `dim` parameters; throws OptimizerConfigError on bad input.
 * `layers` cuts the flat vector into parameter tensors (sizes summing to dim, default one tensor):
 * only per-tensor optimizers (lamb) use it.
 */
export function createOptimizer(
  name: OptimizerName,
  dim: number,
  hparams?: Record<string, unknown>,
  layers?: readonly number[],
): Optimizer {
  const entry = getEntry(name);
  if (!Number.isInteger(dim) || dim < 1) {
    throw new OptimizerConfigError(`Invalid dim: ${dim} (must be an integer >= 1)`, "dim");
  }
  if (
    layers !== undefined &&
    (layers.length === 0 ||
      layers.some((size) => !Number.isInteger(size) || size < 1) ||
      layers.reduce((a, b) => a + b, 0) !== dim)
  ) {
    throw new OptimizerConfigError(
      `Invalid layers: [${layers.join(", ")}] (positive sizes summing to ${dim})`,
      "layers",
    );
  }
  return entry.build(dim, hparams, Object.freeze([...(layers ?? [dim])]));
}

/** Validates hyper-parameters and fills in defaults without creating an optimizer. */
export function parseOptimizerHparams(
  name: OptimizerName,
  hparams?: Record<string, unknown>,
): Readonly<Record<string, HparamValue>> {
  return getEntry(name).parse(hparams);
}

/** PyTorch 1.13 defaults of an optimizer; required parameters without default (sgd/lion lr) are absent. */
export function getOptimizerDefaults(name: OptimizerName): Record<string, HparamValue> {
  const out: Record<string, HparamValue> = {};
  for (const [key, schema] of Object.entries(getEntry(name).schema.shape)) {
    const result = z.safeParse(schema, undefined);
    if (result.success && result.data !== undefined) out[key] = result.data as HparamValue;
  }
  return out;
}

/** Names of the hyper-parameters an optimizer accepts (PyTorch argument names). */
export function getOptimizerHparamNames(name: OptimizerName): readonly string[] {
  return Object.keys(getEntry(name).schema.shape);
}
