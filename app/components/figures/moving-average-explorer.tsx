"use client";

/** Exponential moving average of a noisy signal, with and without bias correction. */
export function MovingAverageExplorer() {
  return (
    <figure>
      <figcaption>Exponential moving average explorer.</figcaption>
    </figure>
  );
}
