"use client";

/** Learning-rate schedules plotted as lr versus step. */
export function SchedulePlotter() {
  return (
    <figure>
      <figcaption>Learning-rate schedule plotter.</figcaption>
    </figure>
  );
}
