"use client";

import { scaleLinear } from "d3-scale";
import { type KeyboardEvent, type MouseEvent, type ReactNode, useId, useMemo, useState } from "react";
import type { Objective, PlotBox } from "@/lib/objectives";
import { AxisBottom, AxisLeft, MARGINS } from "./axes";
import styles from "./figures.module.css";
import { useTextScale } from "./use-text-scale";
import {
  clamp,
  computeValueGrid,
  getContourPaths,
  getDownsampledIndices,
  getLogThresholds,
  round,
} from "./plot-math";

/** A trajectory drawn over the contours, up to `frame`. */
export interface ContourTrajectory {
  readonly key: string;
  readonly color: string;
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

/** Props of ContourPlot. */
export interface ContourPlotProps {
  objective: Objective;
  box: PlotBox;
  trajectories: readonly ContourTrajectory[];
  frame: number;
  start: readonly [number, number];
  /** When given, clicks and Enter set the start (arrow keys move a cursor first). */
  onStartChange?: (start: [number, number]) => void;
  ariaLabel: string;
  /** Extra marks in data coordinates, drawn over the trajectories inside the plot area. */
  overlay?: (x: (v: number) => number, y: (v: number) => number) => ReactNode;
}

const WIDTH = 420;
const HEIGHT = 380;
const GRID = 90;
const LEVELS = 16;
const MAX_POINTS = 800;

/** Contour lines of a 2-D objective (log-spaced levels) with trajectories and a settable start. */
export function ContourPlot(props: ContourPlotProps) {
  const { objective, box, trajectories, frame, start, onStartChange } = props;
  const plotW = WIDTH - MARGINS.left - MARGINS.right;
  const plotH = HEIGHT - MARGINS.top - MARGINS.bottom;
  const x = scaleLinear()
    .domain([...box.x])
    .range([MARGINS.left, WIDTH - MARGINS.right]);
  const y = scaleLinear()
    .domain([...box.y])
    .range([HEIGHT - MARGINS.bottom, MARGINS.top]);
  const contours = useMemo(() => {
    const grid = computeValueGrid(objective, box, GRID, GRID);
    return getContourPaths(grid, getLogThresholds(grid.min, grid.max, LEVELS), plotW, plotH);
  }, [objective, box, plotW, plotH]);
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const clipId = `clip${useId().replace(/:/g, "")}`;
  const textScale = useTextScale(WIDTH);

  const handleClick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onStartChange) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - rect.left) / rect.width) * WIDTH;
    const py = ((event.clientY - rect.top) / rect.height) * HEIGHT;
    const next: [number, number] = [
      clamp(x.invert(px), box.x[0], box.x[1]),
      clamp(y.invert(py), box.y[0], box.y[1]),
    ];
    setCursor(null);
    onStartChange(next);
  };

  const handleKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!onStartChange) return;
    const current = cursor ?? [start[0], start[1]];
    const fraction = event.shiftKey ? 0.1 : 0.025;
    const dx = (box.x[1] - box.x[0]) * fraction;
    const dy = (box.y[1] - box.y[0]) * fraction;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-dx, 0],
      ArrowRight: [dx, 0],
      ArrowUp: [0, dy],
      ArrowDown: [0, -dy],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setCursor([
        clamp(current[0] + move[0], box.x[0], box.x[1]),
        clamp(current[1] + move[1], box.y[0], box.y[1]),
      ]);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (cursor) onStartChange(cursor);
      setCursor(null);
    } else if (event.key === "Escape") {
      setCursor(null);
    }
  };

  const trajectoryPath = (t: ContourTrajectory): string => {
    const n = Math.min(frame + 1, t.xs.length);
    let d = "";
    for (const i of getDownsampledIndices(n, MAX_POINTS)) {
      d += `${d === "" ? "M" : "L"}${round(x(t.xs[i] as number))},${round(y(t.ys[i] as number))}`;
    }
    return d;
  };

  return (
    <svg
      ref={textScale}
      className={`${styles.svg} ${onStartChange ? styles.interactive : ""}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={props.ariaLabel}
      tabIndex={onStartChange ? 0 : undefined}
      onClick={handleClick}
      onKeyDown={handleKeyDown}
      onBlur={() => setCursor(null)}
      data-testid="contour-plot"
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={MARGINS.left} y={MARGINS.top} width={plotW} height={plotH} />
        </clipPath>
      </defs>
      <g transform={`translate(${MARGINS.left},${MARGINS.top})`}>
        {contours.map((c) => (
          <path key={c.value} className={styles.contour} d={c.d} />
        ))}
      </g>
      <AxisBottom scale={x} y={HEIGHT - MARGINS.bottom} label="x" />
      <AxisLeft scale={y} x={MARGINS.left} label="y" />
      <g clipPath={`url(#${clipId})`}>
        {objective.minima?.map((m) => (
          <path
            key={m.join(",")}
            className={styles.minimum}
            d={`M${round(x(m[0] as number))},${round(y(m[1] as number)) - 5}l4,9h-8z`}
          >
            <title>minimum</title>
          </path>
        ))}
        {trajectories.map((t) => {
          const last = Math.min(frame, t.xs.length - 1);
          return (
            <g key={t.key} data-trajectory={t.key}>
              <path className={styles.series} style={{ stroke: t.color }} d={trajectoryPath(t)} />
              {last >= 0 && (
                <circle
                  cx={round(x(t.xs[last] as number))}
                  cy={round(y(t.ys[last] as number))}
                  r={4}
                  style={{ fill: t.color }}
                />
              )}
            </g>
          );
        })}
        <circle
          data-testid="start-marker"
          className={styles.startMarker}
          cx={round(x(start[0]))}
          cy={round(y(start[1]))}
          r={6}
        />
        {props.overlay?.(x, y)}
        {cursor && (
          <circle
            data-testid="start-cursor"
            className={styles.cursor}
            cx={round(x(cursor[0]))}
            cy={round(y(cursor[1]))}
            r={9}
          />
        )}
      </g>
    </svg>
  );
}
