import type { HparamValue, Optimizer, OptimizerName } from "./types";

/**
 * What every optimizer of the core sets up alike: its resolved hyper-parameters (frozen, array
 * values too), the step count, the parameter count and its state buffers, named as PyTorch names
 * them in `optimizer.state`. `buffers` gives each buffer's length: 0 for one the configuration does
 * not use (Adam's max_exp_avg_sq without amsgrad), which state() leaves out. Scratch arrays that
 * are not state stay the subclass's own. step() is each subclass's, whole: its loops stay inline
 * (docs/benchmarks.md).
 */
export abstract class OptimizerBase<H extends { readonly lr: number }, B extends string>
  implements Optimizer
{
  abstract readonly name: OptimizerName;
  readonly hparams: Readonly<H>;
  t = 0;
  protected readonly dim: number;
  protected readonly buffers: Readonly<Record<B, Float64Array>>;

  constructor(dim: number, hparams: H, buffers: Readonly<Record<B, number>>) {
    this.dim = dim;
    this.hparams = freezeHparams(hparams);
    const allocated: Partial<Record<B, Float64Array>> = {};
    for (const name of Object.keys(buffers) as B[]) allocated[name] = new Float64Array(buffers[name]);
    this.buffers = allocated as Record<B, Float64Array>;
  }

  abstract step(params: Float64Array, grad: Float64Array, lr?: number): void;

  /** Scalars of the state beside the step count (NAdam's mu_product), listed before the buffers. */
  protected scalarState(): Readonly<Record<string, number>> {
    return {};
  }

  state(): Readonly<Record<string, Float64Array | number>> {
    const out: Record<string, Float64Array | number> = { step: this.t, ...this.scalarState() };
    for (const name of Object.keys(this.buffers) as B[]) {
      const buffer = this.buffers[name];
      if (buffer.length > 0) out[name] = buffer;
    }
    return out;
  }
}

/** A frozen copy of resolved hyper-parameters, array values (betas, eps, shape) copied and frozen too. */
function freezeHparams<H extends object>(hparams: H): Readonly<H> {
  const copy: Record<string, HparamValue> = {};
  for (const [key, value] of Object.entries(hparams) as Array<[string, HparamValue | undefined]>) {
    if (value === undefined) continue;
    copy[key] = Array.isArray(value) ? Object.freeze([...value]) : value;
  }
  return Object.freeze(copy) as Readonly<H>;
}
