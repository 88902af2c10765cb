import * as z from "zod/mini";
import { Adam, type AdamHparams } from "./adam";
import { zBetas, zNonNegative } from "./hparams";

/** AdamW hyper-parameters (torch.optim.AdamW, 1.13): decoupled weight_decay, default 0.01. */
export const adamwSchema = z.strictObject({
  lr: z._default(zNonNegative(), 1e-3),
  betas: zBetas([0.9, 0.999]),
  eps: z._default(zNonNegative(), 1e-8),
  weight_decay: z._default(zNonNegative(), 1e-2),
  amsgrad: z._default(z.boolean(), false),
  maximize: z._default(z.boolean(), false),
});

/** Resolved AdamW hyper-parameters. */
export type AdamwHparams = z.infer<typeof adamwSchema>;

/** Creates AdamW: Adam with p *= 1 - lr * weight_decay before the moment updates. */
export function createAdamw(dim: number, hparams: AdamwHparams): Adam {
  const shared: AdamHparams = hparams;
  return new Adam(dim, shared, "adamw");
}
