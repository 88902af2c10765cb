import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import type { ReactNode } from "react";
import { AxisBottom, AxisLeft, MARGINS } from "./axes";
import styles from "./figures.module.css";
import { useTextScale } from "./use-text-scale";
import { getDownsampledIndices } from "./plot-math";

/** One line of a LineChart. */
export interface LineSeries {
  readonly key: string;
  readonly color: string;
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly dashed?: boolean;
  /** A faint line drawn under the others (e.g. a raw signal). */
  readonly faint?: boolean;
}

/** Props of LineChart. */
export interface LineChartProps {
  series: readonly LineSeries[];
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  yLog?: boolean;
  xLabel: string;
  yLabel: string;
  ariaLabel: string;
  width?: number;
  height?: number;
  children?: ReactNode;
}

const MAX_POINTS = 600;

/** A small SVG line chart (linear x, linear or log y) built from d3-scale and d3-shape. */
export function LineChart(props: LineChartProps) {
  const { series, xDomain, yDomain, yLog = false, width = 420, height = 240 } = props;
  const textScale = useTextScale(width);
  const x = scaleLinear()
    .domain([...xDomain])
    .range([MARGINS.left, width - MARGINS.right]);
  const y = (yLog ? scaleLog() : scaleLinear())
    .domain([...yDomain])
    .range([height - MARGINS.bottom, MARGINS.top])
    .clamp(true);
  const toPath = (s: LineSeries): string => {
    const indices = getDownsampledIndices(Math.min(s.xs.length, s.ys.length), MAX_POINTS);
    const draw = line<number>()
      .defined((i) => {
        const v = s.ys[i] as number;
        return Number.isFinite(v) && (!yLog || v > 0);
      })
      .x((i) => x(s.xs[i] as number))
      .y((i) => y(s.ys[i] as number))
      .digits(1);
    return draw(indices) ?? "";
  };
  return (
    <svg
      ref={textScale}
      className={styles.svg}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={props.ariaLabel}
    >
      <AxisBottom scale={x} y={height - MARGINS.bottom} label={props.xLabel} />
      <AxisLeft scale={y} x={MARGINS.left} label={props.yLabel} log={yLog} />
      {series.map((s) => (
        <path
          key={s.key}
          data-series={s.key}
          className={s.faint ? styles.signal : `${styles.series} ${s.dashed ? styles.dashed : ""}`}
          style={s.faint ? undefined : { stroke: s.color }}
          d={toPath(s)}
        />
      ))}
      {props.children}
    </svg>
  );
}
