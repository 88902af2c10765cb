"use client";

import { contours } from "d3-contour";
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { useMemo } from "react";
import { createObjective } from "@/lib/objectives";
import type { ObjectiveName } from "@/lib/objectives/types";
import styles from "./grade-report.module.css";

const SIZE = 320;
const GRID = 64;

type Props = { objective: string; expected: number[][]; actual: number[][] };

function toPath(rings: number[][][][], sx: (v: number) => number, sy: (v: number) => number): string {
  let d = "";
  for (const polygon of rings) {
    for (const ring of polygon) {
      ring.forEach(([gx, gy], i) => {
        d += `${i === 0 ? "M" : "L"}${sx(gx ?? 0).toFixed(1)},${sy(gy ?? 0).toFixed(1)}`;
      });
      d += "Z";
    }
  }
  return d;
}

/** The learner's 2-D trajectory and the reference's on the objective's log-spaced contours. */
export function TrajectoryPlot({ objective, expected, actual }: Props) {
  const plot = useMemo(() => {
    let box: { x: readonly [number, number]; y: readonly [number, number] } | undefined;
    let value: ((x: Float64Array) => number) | undefined;
    try {
      const f = createObjective(objective as ObjectiveName, undefined, { dim: 2 });
      box = f.box;
      value = (x) => f.value(x);
    } catch {
      value = undefined;
    }
    const points = [...expected, ...actual].filter((p) => p.length >= 2 && p.every(Number.isFinite));
    if (!box) {
      const xs = points.map((p) => p[0] as number);
      const ys = points.map((p) => p[1] as number);
      const pad = (lo: number, hi: number): [number, number] => {
        const m = Math.max((hi - lo) * 0.1, 0.5);
        return [lo - m, hi + m];
      };
      box = { x: pad(Math.min(...xs), Math.max(...xs)), y: pad(Math.min(...ys), Math.max(...ys)) };
    }
    const x = scaleLinear().domain(box.x).range([0, SIZE]);
    const y = scaleLinear().domain(box.y).range([SIZE, 0]);
    let levels: string[] = [];
    if (value) {
      const values = new Array<number>(GRID * GRID);
      const p = new Float64Array(2);
      for (let j = 0; j < GRID; j++) {
        for (let i = 0; i < GRID; i++) {
          p[0] = box.x[0] + ((i + 0.5) / GRID) * (box.x[1] - box.x[0]);
          p[1] = box.y[0] + ((j + 0.5) / GRID) * (box.y[1] - box.y[0]);
          values[j * GRID + i] = Math.log1p(Math.max(0, value(p)));
        }
      }
      const finite = values.filter(Number.isFinite);
      const lo = Math.min(...finite);
      const hi = Math.max(...finite);
      const thresholds = Array.from({ length: 14 }, (_, k) => lo + ((k + 1) / 15) * (hi - lo));
      const gx = scaleLinear().domain([0, GRID]).range([0, SIZE]);
      const gy = scaleLinear().domain([0, GRID]).range([SIZE, 0]);
      levels = contours()
        .size([GRID, GRID])
        .thresholds(thresholds)(values)
        .map((c) => toPath(c.coordinates, gx, gy));
    }
    const draw = line<number[]>()
      .x((p) => x(p[0] ?? 0))
      .y((p) => y(p[1] ?? 0));
    const clean = (ps: number[][]) => ps.filter((p) => p.length >= 2 && p.every(Number.isFinite));
    return { levels, expectedPath: draw(clean(expected)) ?? "", actualPath: draw(clean(actual)) ?? "" };
  }, [objective, expected, actual]);

  return (
    <figure className={styles.figure}>
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className={styles.plot}
        role="img"
        aria-label={`Trajectories on the ${objective} contours: reference and yours`}
        data-testid="trajectory-plot"
      >
        <rect width={SIZE} height={SIZE} className={styles.plotBg} />
        {plot.levels.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: contour levels are a fixed ordered list.
          <path key={i} d={d} className={styles.contour} />
        ))}
        <path d={plot.expectedPath} className={styles.expectedLine} />
        <path d={plot.actualPath} className={styles.actualLine} />
      </svg>
      <figcaption className={styles.legend}>
        <span className={styles.keyExpected}>Reference</span> <span className={styles.keyActual}>Yours</span>{" "}
        on {objective} (first two coordinates)
      </figcaption>
    </figure>
  );
}
