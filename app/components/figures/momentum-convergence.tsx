"use client";

import { scaleLinear } from "d3-scale";
import { type CSSProperties, type MouseEvent, useId, useMemo, useState } from "react";
import { createDiagonalQuadratic } from "@/lib/dynamics/diagonal-quadratic";
import { getStepsPerDecade } from "@/lib/dynamics/heavy-ball";
import { AxisBottom, AxisLeft, MARGINS } from "./axes";
import { ContourPlot } from "./contour-plot";
import styles from "./figures.module.css";
import { useTextScale } from "./use-text-scale";
import { LineChart } from "./line-chart";
import {
  describeMomentumMap,
  getEigenvalues,
  getRateBands,
  LR_RANGE,
  MOMENTUM_RANGE,
  RATE_BANDS,
} from "./momentum-map";
import { clamp, round } from "./plot-math";
import { computeSeries } from "./trajectories";

/** Props of MomentumConvergence. */
export interface MomentumConvergenceProps {
  /** Initial condition number (default 100). */
  kappa?: number;
  /** The reader's initial learning rate, in units of 1/L (default 0.5). */
  lr?: number;
  /** The reader's initial momentum (default 0.9). */
  momentum?: number;
  /** Steps of the run on the quadratic (default 150). */
  steps?: number;
}

const WIDTH = 420;
const HEIGHT = 380;
const START: [number, number] = [-1.8, 1.5];
const NORM_FLOOR = 1e-12;
const LOG_KAPPA: readonly [number, number] = [0.5, 3];

/**
 * Fill of rate band k: from the scale's fast end to its slow end (figures.module.css, a pair for
 * each theme, both ends in contrast with the figure's background); the divergent band is red.
 */
function getBandColor(index: number): string {
  if (index >= RATE_BANDS.length) return "var(--rate-diverges)";
  const fast = Math.round(100 - (index * 100) / (RATE_BANDS.length - 1));
  return `color-mix(in oklab, var(--rate-fast) ${fast}%, var(--rate-slow))`;
}

function getBandLabel(index: number): string {
  const lo = index === 0 ? 0 : (RATE_BANDS[index - 1] as number);
  if (index >= RATE_BANDS.length) return "ρ ≥ 1: diverges";
  return index === 0 ? `ρ < ${RATE_BANDS[0]}` : `${lo} ≤ ρ < ${RATE_BANDS[index]}`;
}

function formatSteps(rate: number): string {
  const steps = getStepsPerDecade(rate);
  return Number.isFinite(steps) ? `${steps < 10 ? steps.toFixed(1) : Math.round(steps)} steps` : "never";
}

function formatKappa(kappa: number): string {
  return kappa >= 10 ? String(Math.round(kappa)) : kappa.toFixed(1);
}

/**
 * Which (η, μ) make heavy-ball momentum converge on a quadratic with condition number κ, and how
 * fast: the rate (the spectral radius of the iteration matrix, worst eigenvalue) as coloured bands,
 * Polyak's optimum marked, and the reader's (η, μ) run by the core on that quadratic.
 */
export function MomentumConvergence(props: MomentumConvergenceProps) {
  const { steps = 150 } = props;
  const id = useId();
  const textScale = useTextScale(WIDTH);
  const [logKappa, setLogKappa] = useState(Math.log10(props.kappa ?? 100));
  const [lr, setLr] = useState(props.lr ?? 0.5);
  const [momentum, setMomentum] = useState(props.momentum ?? 0.9);
  const kappa = 10 ** logKappa;
  const plotW = WIDTH - MARGINS.left - MARGINS.right;
  const plotH = HEIGHT - MARGINS.top - MARGINS.bottom;
  const bands = useMemo(() => getRateBands(kappa, plotW, plotH), [kappa, plotW, plotH]);
  const { optimum, rate, gdRate } = describeMomentumMap(kappa, lr, momentum);
  const objective = useMemo(() => {
    const [small, large] = getEigenvalues(kappa);
    return createDiagonalQuadratic([small, large], { label: `quadratic with κ = ${formatKappa(kappa)}` });
  }, [kappa]);
  const run = useMemo(
    () => computeSeries(objective, { optimizer: "sgd", hparams: { lr, momentum } }, START, steps),
    [objective, lr, momentum, steps],
  );
  const x = scaleLinear()
    .domain([...LR_RANGE])
    .range([MARGINS.left, WIDTH - MARGINS.right]);
  const y = scaleLinear()
    .domain([...MOMENTUM_RANGE])
    .range([HEIGHT - MARGINS.bottom, MARGINS.top]);
  const norms = Float64Array.from(run.xs, (v, k) => Math.max(NORM_FLOOR, Math.hypot(v, run.ys[k] as number)));
  const start = Math.hypot(...START);
  const predicted = Float64Array.from({ length: steps + 1 }, (_, k) =>
    Math.max(NORM_FLOOR, start * rate ** k),
  );
  const normMax = Math.max(start * 10, ...norms);

  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - rect.left) / rect.width) * WIDTH;
    const py = ((event.clientY - rect.top) / rect.height) * HEIGHT;
    setLr(Math.round(clamp(x.invert(px), 0.01, LR_RANGE[1]) * 100) / 100);
    setMomentum(Math.round(clamp(y.invert(py), 0, 0.99) * 200) / 200);
  };
  const outcome =
    run.divergedAt !== null
      ? `diverges (stopped at step ${run.divergedAt})`
      : `‖x‖ = ${norms[steps]?.toExponential(1)} after ${steps} steps`;
  const kappaText = formatKappa(kappa);

  return (
    <figure className={styles.figure}>
      <div className={styles.plots}>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: the η and μ sliders below are the keyboard path. */}
        <svg
          ref={textScale}
          className={`${styles.svg} ${styles.interactive}`}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={`Map of heavy-ball momentum on a quadratic with condition number ${kappaText}: learning rate η from 0 to 4 across, momentum μ from 0 to 1 up, coloured by the convergence rate. It converges only where η < 2(1 + μ). The fastest point is η* = ${optimum.lr.toFixed(2)}, μ* = ${optimum.momentum.toFixed(3)} with rate ${optimum.rate.toFixed(3)}; your point η = ${lr.toFixed(2)}, μ = ${momentum.toFixed(3)} has rate ${rate.toFixed(3)}.`}
          onClick={pick}
          data-testid="momentum-map"
        >
          <g transform={`translate(${MARGINS.left},${MARGINS.top})`}>
            {bands.map((band) => (
              <path
                key={band.value}
                d={band.d}
                data-band={band.value}
                style={{ fill: getBandColor(band.index) }}
                className={band.value === 1 ? styles.boundary : undefined}
              />
            ))}
          </g>
          <AxisBottom scale={x} y={HEIGHT - MARGINS.bottom} label="learning rate η (× 1/L)" />
          <AxisLeft scale={y} x={MARGINS.left} label="momentum μ" />
          <text className={styles.mapLabel} x={x(3.3)} y={y(0.12)} textAnchor="middle">
            diverges
          </text>
          <path
            data-testid="optimum-marker"
            data-lr={optimum.lr}
            data-momentum={optimum.momentum}
            className={styles.optimum}
            transform={`translate(${round(x(optimum.lr))},${round(y(optimum.momentum))})`}
            d="M0,-8L2.4,-2.4L8,0L2.4,2.4L0,8L-2.4,2.4L-8,0L-2.4,-2.4Z"
          >
            <title>optimum (η*, μ*)</title>
          </path>
          <circle
            data-testid="chosen-marker"
            className={styles.startMarker}
            cx={round(x(lr))}
            cy={round(y(momentum))}
            r={6}
          />
        </svg>
        <ContourPlot
          objective={objective}
          box={{ x: [-2, 2], y: [-2, 2] }}
          frame={steps}
          start={START}
          trajectories={[{ key: "chosen", color: "var(--series-1)", xs: run.xs, ys: run.ys }]}
          ariaLabel={`Contour plot of ½(x²/κ + y²) with κ = ${kappaText} and the path of SGD with momentum, η = ${lr.toFixed(2)}, μ = ${momentum.toFixed(3)}, from (${START[0]}, ${START[1]}): ${outcome}.`}
        />
        <LineChart
          series={[
            { key: "norm", color: "var(--series-1)", xs: Array.from(norms, (_, k) => k), ys: norms },
            {
              key: "predicted",
              color: "var(--fg-muted)",
              xs: Array.from(predicted, (_, k) => k),
              ys: predicted,
              dashed: true,
            },
          ]}
          xDomain={[0, steps]}
          yDomain={[NORM_FLOOR, normMax]}
          yLog
          xLabel="step"
          yLabel="‖x_t‖"
          ariaLabel={`Distance to the minimum per step for η = ${lr.toFixed(2)}, μ = ${momentum.toFixed(3)} (solid), next to ‖x₀‖·ρᵗ with the predicted rate ρ = ${rate.toFixed(3)} (dashed).`}
        />
      </div>
      <ul className={styles.legend} aria-label="Rate bands">
        {[...RATE_BANDS.keys(), RATE_BANDS.length].map((k) => (
          <li key={k}>
            <span
              className={styles.patch}
              data-band-index={k}
              style={{ "--swatch-color": getBandColor(k) } as CSSProperties}
            />
            {getBandLabel(k)}
          </li>
        ))}
      </ul>
      <div className={styles.controls}>
        <label className={styles.field} htmlFor={`${id}-kappa`}>
          <span>
            condition number κ <span className={styles.value}>{kappaText}</span>
          </span>
          <input
            id={`${id}-kappa`}
            type="range"
            min={LOG_KAPPA[0]}
            max={LOG_KAPPA[1]}
            step={0.05}
            value={logKappa}
            aria-valuetext={`κ = ${kappaText}`}
            onChange={(e) => setLogKappa(Number(e.currentTarget.value))}
          />
        </label>
        <label className={styles.field} htmlFor={`${id}-lr`}>
          <span>
            learning rate η <span className={styles.value}>{lr.toFixed(2)}</span>
          </span>
          <input
            id={`${id}-lr`}
            type="range"
            min={0.01}
            max={LR_RANGE[1]}
            step={0.01}
            value={lr}
            onChange={(e) => setLr(Number(e.currentTarget.value))}
          />
        </label>
        <label className={styles.field} htmlFor={`${id}-momentum`}>
          <span>
            momentum μ <span className={styles.value}>{momentum.toFixed(3)}</span>
          </span>
          <input
            id={`${id}-momentum`}
            type="range"
            min={0}
            max={0.99}
            step={0.005}
            value={momentum}
            onChange={(e) => setMomentum(Number(e.currentTarget.value))}
          />
        </label>
        <button
          type="button"
          className="button"
          onClick={() => {
            setLr(optimum.lr);
            setMomentum(optimum.momentum);
          }}
        >
          Go to the optimum
        </button>
      </div>
      <dl className={styles.facts}>
        <dt>your (η, μ)</dt>
        <dd>
          ρ = <output data-testid="chosen-rate">{rate.toFixed(4)}</output>, {formatSteps(rate)} per tenfold
          shrink
        </dd>
        <dt>
          optimum η* = {optimum.lr.toFixed(3)}, μ* = {optimum.momentum.toFixed(3)}
        </dt>
        <dd>
          ρ* = <output data-testid="optimal-rate">{optimum.rate.toFixed(4)}</output>,{" "}
          {formatSteps(optimum.rate)}
        </dd>
        <dt>best plain gradient descent (μ = 0, η = 2/(L + ℓ))</dt>
        <dd>
          ρ = {gdRate.toFixed(4)}, {formatSteps(gdRate)}
        </dd>
      </dl>
      <figcaption className={styles.caption}>
        Heavy-ball momentum (PyTorch’s form) on ½(x²/κ + y²), whose curvatures are ℓ = 1/κ and L = 1. The map
        colours every (η, μ) by its rate ρ, the factor by which the error shrinks per step in the long run
        (the spectral radius of the step’s 2 × 2 matrix, worst curvature), from the fastest (deep blue; pale
        blue in the dark theme) to the slowest (teal); red does not converge. ◆ marks the optimum η* = (2/(√L
        + √ℓ))², μ* = ((√κ − 1)/(√κ + 1))², ○ your choice (click the map or use the sliders). Your choice also
        runs on the quadratic, by the core, for {steps} steps: its path, and its distance to the minimum next
        to the predicted ‖x₀‖·ρᵗ (dashed).
      </figcaption>
    </figure>
  );
}
