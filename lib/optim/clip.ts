/** PyTorch's clip_grad_norm_ adds this to the total norm before dividing (1.13 and later). */
export const CLIP_EPS = 1e-6;

/**
 * torch.nn.utils.clip_grad_norm_(params, maxNorm) with norm_type 2 over a flat gradient cut into
 * tensors of sizes `layers` (default: one tensor): the total norm is the 2-norm of the per-tensor
 * 2-norms (= the norm of all gradients together), every gradient is multiplied by
 * min(1, maxNorm / (total + 1e-6)) — by 1 when the norm is within bounds. Returns the total norm,
 * as PyTorch does. In place; allocates nothing.
 */
export function clipGradNorm(grad: Float64Array, maxNorm: number, layers?: readonly number[]): number {
  if (!(maxNorm >= 0) || !Number.isFinite(maxNorm))
    throw new RangeError(`clipGradNorm: invalid maxNorm ${maxNorm} (must be a finite number >= 0)`);
  let sumOfSquares = 0;
  let start = 0;
  const sizes = layers ?? [grad.length];
  for (const size of sizes) {
    let s = 0;
    for (let i = start; i < start + size; i++) s += (grad[i] as number) * (grad[i] as number);
    sumOfSquares += Math.sqrt(s) ** 2;
    start += size;
  }
  if (start !== grad.length)
    throw new RangeError(`clipGradNorm: layers sum to ${start}, the gradient has ${grad.length} entries`);
  const total = Math.sqrt(sumOfSquares);
  const coef = Math.min(maxNorm / (total + CLIP_EPS), 1);
  for (let i = 0; i < grad.length; i++) grad[i] = (grad[i] as number) * coef;
  return total;
}
