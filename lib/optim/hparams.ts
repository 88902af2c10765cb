import { z } from "zod";

/** A finite number >= 0. */
export function zNonNegative() {
  return z.number().refine((v) => v >= 0, { error: "must be >= 0" });
}

/** A finite number > 0. */
export function zPositive() {
  return z.number().refine((v) => v > 0, { error: "must be > 0" });
}

/** A finite number in [0, 1]. */
export function zUnitClosed() {
  return z.number().refine((v) => v >= 0 && v <= 1, { error: "must be in [0, 1]" });
}

/** A finite number in [0, 1), the range of every beta. */
export function zUnitHalfOpen() {
  return z.number().refine((v) => v >= 0 && v < 1, { error: "must be in [0, 1)" });
}

/** `betas: [beta1, beta2]`, each in [0, 1). */
export function zBetas(defaults: readonly [number, number]) {
  return z.tuple([zUnitHalfOpen(), zUnitHalfOpen()]).default([defaults[0], defaults[1]]);
}

/** Throws a RangeError unless params and grad both have `dim` entries; no allocation. */
export function assertStepArgs(dim: number, params: Float64Array, grad: Float64Array): void {
  if (params.length !== dim || grad.length !== dim) {
    throw new RangeError(
      `step: expected params and grad of length ${dim}, got ${params.length} and ${grad.length}`,
    );
  }
}

/** Resolves the per-step learning rate; `override` comes from a schedule. */
export function resolveLr(base: number, override: number | undefined): number {
  if (override === undefined) return base;
  if (!(override >= 0) || override === Number.POSITIVE_INFINITY) {
    throw new RangeError(`step: invalid lr override ${override} (must be a finite number >= 0)`);
  }
  return override;
}
