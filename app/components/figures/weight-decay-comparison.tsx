"use client";

/** Adam with L2 weight decay versus AdamW's decoupled weight decay. */
export function WeightDecayComparison() {
  return (
    <figure>
      <figcaption>Adam with L2 weight decay versus AdamW.</figcaption>
    </figure>
  );
}
