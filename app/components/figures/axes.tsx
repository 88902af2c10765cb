import styles from "./figures.module.css";

/** A continuous scale as the axes need it (d3-scale linear or log). */
export interface AxisScale {
  (value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (value: number) => string;
  range(): number[];
}

/** Margins around a plot's drawing area, in viewBox units. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Standard margins of the figures' plots. */
export const MARGINS: Margins = { top: 10, right: 12, bottom: 34, left: 48 };

// Log scales over many decades yield dozens of ticks: keep at most ~6 powers of ten.
function getTicks(scale: AxisScale, count: number, log: boolean): number[] {
  const ticks = scale.ticks(count);
  if (!log) return ticks;
  const powers = ticks.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const stride = Math.max(1, Math.ceil(powers.length / 6));
  return powers.filter((_, i) => i % stride === 0);
}

function formatLogTick(t: number): string {
  const e = Math.round(Math.log10(t));
  return e >= -2 && e <= 3 ? String(10 ** e) : `1e${e}`;
}

/** A bottom axis at y = `y` with tick labels and an axis title. */
export function AxisBottom(props: { scale: AxisScale; y: number; label: string; count?: number }) {
  const { scale, y, label, count = 5 } = props;
  const [r0 = 0, r1 = 0] = scale.range();
  const format = scale.tickFormat(count);
  return (
    <g className={styles.axis} transform={`translate(0,${y})`} data-axis="x">
      <line x1={r0} x2={r1} />
      {getTicks(scale, count, false).map((t) => (
        <g key={t} transform={`translate(${scale(t)},0)`}>
          <line y2={5} />
          <text y={16} textAnchor="middle">
            {format(t)}
          </text>
        </g>
      ))}
      <text className={styles.axisLabel} x={(r0 + r1) / 2} y={30} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** A left axis at x = `x`; `log` keeps the ticks to powers of ten. */
export function AxisLeft(props: {
  scale: AxisScale;
  x: number;
  label: string;
  log?: boolean;
  count?: number;
}) {
  const { scale, x, label, log = false, count = 5 } = props;
  const [r0 = 0, r1 = 0] = scale.range();
  const format = log ? formatLogTick : scale.tickFormat(count);
  return (
    <g className={styles.axis} transform={`translate(${x},0)`} data-axis="y">
      <line y1={r0} y2={r1} />
      {getTicks(scale, count, log).map((t) => (
        <g key={t} transform={`translate(0,${scale(t)})`}>
          <line x2={-5} />
          <text x={-8} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
      <text
        className={styles.axisLabel}
        transform={`translate(${-40},${(r0 + r1) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {label}
      </text>
    </g>
  );
}
