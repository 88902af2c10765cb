"use client";

/** Props of Playground: a 2-D objective and up to four optimizers or presets. */
export interface PlaygroundProps {
  objective: string;
  optimizers?: readonly string[];
  start?: readonly [number, number];
  steps?: number;
}

/** Optimizer playground on a 2-D objective's contour plot. */
export function Playground({ objective }: PlaygroundProps) {
  return (
    <figure>
      <figcaption>Optimizer playground on {objective}.</figcaption>
    </figure>
  );
}
