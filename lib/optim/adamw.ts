import { z } from "zod";
import { Adam, type AdamHparams } from "./adam";
import { zBetas, zNonNegative } from "./hparams";

/** AdamW hyper-parameters (torch.optim.AdamW, 1.13): decoupled weight_decay, default 0.01. */
export const adamwSchema = z.strictObject({
  lr: zNonNegative().default(1e-3),
  betas: zBetas([0.9, 0.999]),
  eps: zNonNegative().default(1e-8),
  weight_decay: zNonNegative().default(1e-2),
  amsgrad: z.boolean().default(false),
  maximize: z.boolean().default(false),
});

/** Resolved AdamW hyper-parameters. */
export type AdamwHparams = z.infer<typeof adamwSchema>;

/** Creates AdamW: Adam with p *= 1 - lr * weight_decay before the moment updates. */
export function createAdamw(dim: number, hparams: AdamwHparams): Adam {
  const shared: AdamHparams = hparams;
  return new Adam(dim, shared, "adamw");
}
