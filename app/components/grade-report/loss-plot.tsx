"use client";

import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import styles from "./grade-report.module.css";

const W = 320;
const H = 200;
const M = { top: 10, right: 10, bottom: 24, left: 44 };

/** Reference and learner loss per step, on a log scale. */
export function LossPlot({ expected, actual }: { expected: number[]; actual: number[] }) {
  const positive = [...expected, ...actual].filter((v) => Number.isFinite(v) && v > 0);
  const lo = positive.length > 0 ? Math.min(...positive) : 1e-12;
  const hi = positive.length > 0 ? Math.max(...positive) : 1;
  const x = scaleLinear()
    .domain([0, Math.max(1, expected.length - 1, actual.length - 1)])
    .range([M.left, W - M.right]);
  const y = scaleLog()
    .domain([lo, hi === lo ? lo * 10 : hi])
    .range([H - M.bottom, M.top])
    .clamp(true);
  const draw = line<number>()
    .defined((v) => Number.isFinite(v) && v > 0)
    .x((_, i) => x(i))
    .y((v) => y(v));
  const ticks = y.ticks(4).filter((_, i, all) => all.length <= 5 || i % Math.ceil(all.length / 5) === 0);
  return (
    <figure className={styles.figure}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className={styles.plot}
        role="img"
        aria-label="Loss per step (log scale)"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className={styles.grid} />
            <text x={M.left - 4} y={y(t)} className={styles.tick} textAnchor="end" dominantBaseline="middle">
              {t.toExponential(0)}
            </text>
          </g>
        ))}
        <text x={(W + M.left) / 2} y={H - 4} className={styles.tick} textAnchor="middle">
          step
        </text>
        <path d={draw(expected) ?? ""} className={styles.expectedLine} />
        <path d={draw(actual) ?? ""} className={styles.actualLine} />
      </svg>
      <figcaption className={styles.legend}>
        <span className={styles.keyExpected}>Reference</span> <span className={styles.keyActual}>Yours</span>{" "}
        loss (log scale)
      </figcaption>
    </figure>
  );
}
