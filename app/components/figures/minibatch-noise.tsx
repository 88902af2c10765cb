"use client";

import { type CSSProperties, useId, useMemo, useState } from "react";
import { createLeastSquares, createLeastSquaresObjective, runMinibatchSgd } from "@/lib/dynamics/minibatch";
import { ContourPlot } from "./contour-plot";
import styles from "./figures.module.css";
import { LineChart } from "./line-chart";
import { formatNumber } from "./optimizer-controls";
import { clamp, round } from "./plot-math";

/** Props of MinibatchNoise. */
export interface MinibatchNoiseProps {
  /** Initial batch size, a power of two up to 256 (default 4). */
  batchSize?: number;
  /** Initial learning rate (default 0.1). */
  lr?: number;
  /** Initial seed of the batch sampling (default 1). */
  seed?: number;
}

const EPOCHS = 32;
const BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256] as const;
const LOG_LR: readonly [number, number] = [-2, 0.6];
const LOSS_FLOOR = 1e-6;
const SOLID = "var(--series-1)";
const DASHED = "var(--series-2)";

function toSliderLr(lr: number): number {
  return clamp(Math.round(Math.log10(lr) * 20) / 20, LOG_LR[0], LOG_LR[1]);
}

/**
 * Mini-batch SGD on a 2-D least-squares problem for a fixed budget of examples: the batch size and
 * the learning rate set the size of the noise ball the iterates settle in (∝ η/B), and the number of
 * steps the budget buys (∝ 1/B).
 */
export function MinibatchNoise(props: MinibatchNoiseProps) {
  const id = useId();
  const [batchIndex, setBatchIndex] = useState(() =>
    Math.max(0, BATCH_SIZES.indexOf((props.batchSize ?? 4) as (typeof BATCH_SIZES)[number])),
  );
  const [logLr, setLogLr] = useState(() => toSliderLr(props.lr ?? 0.1));
  const [linked, setLinked] = useState(false);
  const [seed, setSeed] = useState(props.seed ?? 1);
  const data = useMemo(() => createLeastSquares(), []);
  const objective = useMemo(() => createLeastSquaresObjective(data, 1.3), [data]);
  const start = useMemo<[number, number]>(
    () => [round(data.wStar[0] - 1.1), round(data.wStar[1] - 1)],
    [data],
  );
  const batchSize = BATCH_SIZES[batchIndex] ?? 1;
  const lr = Number((10 ** logLr).toPrecision(3));
  const examples = EPOCHS * data.n;
  const run = useMemo(
    () => runMinibatchSgd({ data, lr, batchSize, examples, seed, start }),
    [data, lr, batchSize, examples, seed, start],
  );
  const full = useMemo(
    () => runMinibatchSgd({ data, lr, batchSize: data.n, examples, seed, start }),
    [data, lr, examples, seed, start],
  );
  const changeBatch = (next: number) => {
    if (linked) setLogLr((v) => toSliderLr(10 ** v * ((BATCH_SIZES[next] ?? 1) / batchSize)));
    setBatchIndex(next);
  };
  const toEpochs = (steps: number, b: number) =>
    Array.from({ length: steps + 1 }, (_, t) => (t * b) / data.n);
  const clip = (values: Float64Array) => values.map((v) => Math.max(LOSS_FLOOR, v));
  const yMax = Math.max(1, ...run.excess.slice(0, 1));
  const diverged = run.divergedAt !== null;
  const tail = Math.floor(run.steps / 2);
  const outcome = diverged
    ? `diverged at step ${run.divergedAt}`
    : `settles within ${formatNumber(run.radius)} of w* (root-mean-square distance over the second half)`;
  return (
    <figure className={styles.figure}>
      <div className={styles.plots}>
        <ContourPlot
          objective={objective}
          box={objective.box ?? { x: [-1, 3], y: [-1, 3] }}
          frame={diverged ? run.steps : tail}
          start={start}
          trajectories={[{ key: "minibatch", color: SOLID, xs: run.xs, ys: run.ys }]}
          ariaLabel={`Contour plot of the least-squares loss with the path of mini-batch SGD, batch size ${batchSize}, learning rate ${lr}, over ${EPOCHS} epochs (${run.steps} steps): ${outcome}.`}
          overlay={(x, y) =>
            diverged ? null : (
              <g>
                {Array.from({ length: Math.min(200, run.steps - tail) }, (_, k) => {
                  const t = run.steps - k;
                  return (
                    <circle
                      key={t}
                      className={styles.noiseDot}
                      cx={round(x(run.xs[t] as number))}
                      cy={round(y(run.ys[t] as number))}
                      r={1.6}
                    />
                  );
                })}
                <ellipse
                  data-testid="noise-ball"
                  data-radius={run.radius}
                  className={styles.noiseBall}
                  cx={round(x(data.wStar[0]))}
                  cy={round(y(data.wStar[1]))}
                  rx={round(Math.abs(x(data.wStar[0] + run.radius) - x(data.wStar[0])))}
                  ry={round(Math.abs(y(data.wStar[1] + run.radius) - y(data.wStar[1])))}
                />
              </g>
            )
          }
        />
        <LineChart
          series={[
            { key: "minibatch", color: SOLID, xs: toEpochs(run.steps, batchSize), ys: clip(run.excess) },
            {
              key: "full",
              color: DASHED,
              xs: toEpochs(full.steps, data.n),
              ys: clip(full.excess),
              dashed: true,
            },
          ]}
          xDomain={[0, EPOCHS]}
          yDomain={[LOSS_FLOOR, yMax]}
          yLog
          xLabel="epochs (examples seen / 256)"
          yLabel="f(w) − f*"
          ariaLabel={`Loss above its minimum against epochs for batch size ${batchSize} (solid, ${run.steps} steps) and for the full batch of 256 (dashed, ${full.steps} steps), both at learning rate ${lr}.`}
        />
      </div>
      <ul className={styles.legend} aria-label="Legend">
        <li>
          <span className={styles.swatch} style={{ "--swatch-color": SOLID } as CSSProperties} />
          batch size {batchSize} ({run.steps} steps)
          {diverged && <span className={styles.badge}>diverged</span>}
        </li>
        <li>
          <span className={styles.swatch} style={{ "--swatch-color": DASHED } as CSSProperties} />
          full batch, 256 ({full.steps} steps)
          {full.divergedAt !== null && <span className={styles.badge}>diverged</span>}
        </li>
        <li>
          <span className={styles.dot} />
          iterates of the second half, and the ring of their RMS distance to w*
        </li>
      </ul>
      <div className={styles.controls}>
        <label className={styles.field} htmlFor={`${id}-batch`}>
          <span>
            batch size B <span className={styles.value}>{batchSize}</span>
          </span>
          <input
            id={`${id}-batch`}
            type="range"
            min={0}
            max={BATCH_SIZES.length - 1}
            step={1}
            value={batchIndex}
            aria-valuetext={`${batchSize}`}
            onChange={(e) => changeBatch(Number(e.currentTarget.value))}
          />
        </label>
        <label className={styles.field} htmlFor={`${id}-lr`}>
          <span>
            learning rate η <span className={styles.value}>{lr}</span>
          </span>
          <input
            id={`${id}-lr`}
            type="range"
            min={LOG_LR[0]}
            max={LOG_LR[1]}
            step={0.05}
            value={logLr}
            aria-valuetext={`${lr}`}
            onChange={(e) => setLogLr(Number(e.currentTarget.value))}
          />
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={linked} onChange={(e) => setLinked(e.currentTarget.checked)} />
          scale η with B (linear scaling rule)
        </label>
        <button type="button" className="button" onClick={() => setSeed((s) => s + 1)}>
          New batches
        </button>
      </div>
      <dl className={styles.facts}>
        <dt>η / B</dt>
        <dd data-testid="lr-per-example">{(lr / batchSize).toPrecision(3)}</dd>
        <dt>noise floor: mean f − f* over the second half</dt>
        <dd data-testid="noise-floor">{diverged ? "diverged" : run.floor.toExponential(2)}</dd>
        <dt>noise ball: RMS distance to w* over the second half</dt>
        <dd data-testid="noise-radius">{diverged ? "diverged" : run.radius.toFixed(3)}</dd>
      </dl>
      <figcaption className={styles.caption}>
        Mini-batch SGD on a least-squares problem with 256 examples and two weights, for a budget of {EPOCHS}{" "}
        epochs: each step averages the gradients of B examples drawn at random (seed {seed}), so a batch of B
        takes {EPOCHS}·256/B steps. The contour plot shows the path through the first half of the run, the
        iterates of the second half as dots and the ring of their RMS distance to the minimum w* (▲); the
        chart shows the loss above its minimum, next to full-batch gradient descent at the same η (dashed).
      </figcaption>
    </figure>
  );
}
