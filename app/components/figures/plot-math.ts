import { contours } from "d3-contour";
import type { Objective, PlotBox } from "@/lib/objectives";

/** Objective values sampled at cell centres, row 0 at the top (largest y), as d3-contour expects. */
export interface ValueGrid {
  readonly nx: number;
  readonly ny: number;
  readonly values: Float64Array;
  readonly min: number;
  readonly max: number;
}

/** Samples `objective.value` on an nx × ny grid over `box` (cell centres, top row = max y). */
export function computeValueGrid(objective: Objective, box: PlotBox, nx: number, ny: number): ValueGrid {
  const values = new Float64Array(nx * ny);
  const p = new Float64Array(2);
  const [x0, x1] = box.x;
  const [y0, y1] = box.y;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < ny; j++) {
    p[1] = y1 - ((j + 0.5) * (y1 - y0)) / ny;
    for (let i = 0; i < nx; i++) {
      p[0] = x0 + ((i + 0.5) * (x1 - x0)) / nx;
      const v = objective.value(p);
      values[j * nx + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { nx, ny, values, min, max };
}

/**
 * `count` contour levels spaced evenly in log(v − min): valleys of functions like Rosenbrock
 * span many orders of magnitude, so linear levels would all crowd the walls.
 */
export function getLogThresholds(min: number, max: number, count: number): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return [];
  const lo = Math.log(span * 1e-4);
  const hi = Math.log(span);
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(min + Math.exp(lo + ((hi - lo) * k) / Math.max(1, count - 1)));
  return out;
}

/** One contour level as an SVG path in pixel coordinates. */
export interface ContourPath {
  readonly value: number;
  readonly d: string;
}

/** Contour paths of `grid` at `thresholds`, scaled from grid cells to a width × height plot. */
export function getContourPaths(
  grid: ValueGrid,
  thresholds: readonly number[],
  width: number,
  height: number,
) {
  const sx = width / grid.nx;
  const sy = height / grid.ny;
  const generator = contours()
    .size([grid.nx, grid.ny])
    .thresholds([...thresholds]);
  const out: ContourPath[] = [];
  for (const level of generator(Array.from(grid.values))) {
    let d = "";
    for (const polygon of level.coordinates) {
      for (const ring of polygon) {
        ring.forEach((pt, k) => {
          d += `${k === 0 ? "M" : "L"}${round((pt[0] as number) * sx)},${round((pt[1] as number) * sy)}`;
        });
        d += "Z";
      }
    }
    if (d !== "") out.push({ value: level.value, d });
  }
  return out;
}

/** Rounds to 0.1 px: shorter path strings, no visible difference. */
export function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Indices 0..n−1 thinned to at most `max`, evenly, always keeping the first and the last. */
export function getDownsampledIndices(n: number, max: number): number[] {
  if (n <= 0) return [];
  if (n <= max || max < 2) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const stride = (n - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(Math.round(k * stride));
  return out;
}

/** Clamps v into [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
