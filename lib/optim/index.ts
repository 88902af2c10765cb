export { OptimizerConfigError } from "../config-error";
export { Adadelta, type AdadeltaHparams, adadeltaSchema } from "./adadelta";
export { Adafactor, type AdafactorHparams, adafactorSchema, FLOAT64_EPS } from "./adafactor";
export { Adagrad, type AdagradHparams, adagradSchema } from "./adagrad";
export { Adam, type AdamHparams, adamSchema } from "./adam";
export { Adamax, type AdamaxHparams, adamaxSchema } from "./adamax";
export { type AdamwHparams, adamwSchema } from "./adamw";
export { CLIP_EPS, clipGradNorm } from "./clip";
export { Lamb, type LambHparams, lambSchema } from "./lamb";
export { Lion, type LionHparams, lionSchema } from "./lion";
export {
  createNewtonSchulzScratch,
  Muon,
  type MuonHparams,
  muonSchema,
  NEWTON_SCHULZ_COEFFICIENTS,
  newtonSchulz5,
} from "./muon";
export { Nadam, type NadamHparams, nadamSchema } from "./nadam";
export { Radam, type RadamHparams, radamSchema } from "./radam";
export {
  createOptimizer,
  getOptimizerDefaults,
  getOptimizerHparamNames,
  isOptimizerName,
  OPTIMIZER_NAMES,
  parseOptimizerHparams,
} from "./registry";
export { Rmsprop, type RmspropHparams, rmspropSchema } from "./rmsprop";
export { createMinibatchGradient, type RunTrajectoryOptions, runTrajectory, type Trajectory } from "./run";
export {
  AdamwScheduleFree,
  type AdamwScheduleFreeHparams,
  adamwScheduleFreeSchema,
  SgdScheduleFree,
  type SgdScheduleFreeHparams,
  sgdScheduleFreeSchema,
} from "./schedule-free";
export {
  createSchedule,
  DEFAULT_START_FACTOR,
  SCHEDULE_TYPES,
  type ScheduleSpec,
  scheduleSpecSchema,
} from "./schedules";
export { Sgd, type SgdHparams, sgdSchema } from "./sgd";
export type { HparamValue, Optimizer, OptimizerName } from "./types";
