import * as z from "zod/mini";

// zod/mini (tree-shakeable) rather than zod: these schemas run in the browser too, inside the
// lesson figures, and full zod alone would be ~45 KB gzip of a lesson page (docs/decisions/030).

/** A finite number >= 0. */
export function zNonNegative() {
  return z.number().check(z.refine((v) => v >= 0, { error: "must be >= 0" }));
}

/** A finite number in [0, 1]. */
export function zUnitClosed() {
  return z.number().check(z.refine((v) => v >= 0 && v <= 1, { error: "must be in [0, 1]" }));
}

/** A finite number in [0, 1), the range of every beta. */
function zUnitHalfOpen() {
  return z.number().check(z.refine((v) => v >= 0 && v < 1, { error: "must be in [0, 1)" }));
}

/** `betas: [beta1, beta2]`, each in [0, 1). */
export function zBetas(defaults: readonly [number, number]) {
  return z._default(z.tuple([zUnitHalfOpen(), zUnitHalfOpen()]), [defaults[0], defaults[1]]);
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
