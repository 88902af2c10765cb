"use client";

import { type CSSProperties, useId } from "react";
import { getOptimizerDefaults, type OptimizerName } from "@/lib/optim";
import styles from "./figures.module.css";
import type { FigureHparams } from "./trajectories";

interface SliderSpec {
  readonly key: "momentum" | "alpha" | "rho" | "betas";
  readonly index?: 0 | 1;
  readonly label: string;
  readonly step: number;
}

// Sliders reach 1 on purpose: β = 1 is invalid, and the core's error message says why.
const MOMENTUM: SliderSpec = { key: "momentum", label: "momentum", step: 0.01 };
const BETA1: SliderSpec = { key: "betas", index: 0, label: "β₁", step: 0.01 };
const BETA2: SliderSpec = { key: "betas", index: 1, label: "β₂", step: 0.001 };
const SLIDERS: Record<OptimizerName, readonly SliderSpec[]> = {
  sgd: [MOMENTUM],
  rmsprop: [{ key: "alpha", label: "α (decay)", step: 0.01 }],
  adam: [BETA1, BETA2],
  adamw: [BETA1, BETA2],
  adagrad: [],
  nadam: [BETA1, BETA2],
  radam: [BETA1, BETA2],
  adamax: [BETA1, BETA2],
  adadelta: [{ key: "rho", label: "ρ", step: 0.01 }],
  lion: [BETA1, BETA2],
  lamb: [BETA1, BETA2],
  adafactor: [],
  muon: [MOMENTUM],
  sgd_schedulefree: [MOMENTUM],
  adamw_schedulefree: [BETA1, BETA2],
};

const LOG_LR_MIN = -4;
const LOG_LR_MAX = 0.5;

function readSlider(spec: SliderSpec, hparams: FigureHparams, defaults: Record<string, unknown>): number {
  const value = hparams[spec.key] ?? defaults[spec.key];
  if (spec.index !== undefined) return Array.isArray(value) ? (value[spec.index] as number) : 0;
  return typeof value === "number" ? value : 0;
}

function writeSlider(spec: SliderSpec, hparams: FigureHparams, defaults: Record<string, unknown>, v: number) {
  if (spec.index === undefined) return { ...hparams, [spec.key]: v };
  const current = hparams[spec.key] ?? defaults[spec.key];
  const pair: [number, number] = Array.isArray(current) ? [current[0] ?? 0, current[1] ?? 0] : [0.9, 0.999];
  pair[spec.index] = v;
  return { ...hparams, [spec.key]: pair };
}

/** Props of OptimizerControls. */
export interface OptimizerControlsProps {
  label: string;
  color: string;
  optimizer: OptimizerName;
  hparams: FigureHparams;
  onChange: (hparams: FigureHparams) => void;
}

/** Hyper-parameter controls of one optimizer: lr on a log slider (and typed), momentum or betas. */
export function OptimizerControls({ label, color, optimizer, hparams, onChange }: OptimizerControlsProps) {
  const id = useId();
  const defaults = getOptimizerDefaults(optimizer) as Record<string, unknown>;
  const lr = typeof hparams.lr === "number" ? hparams.lr : Number(defaults.lr ?? 1e-3);
  const logLr = Number.isFinite(lr) && lr > 0 ? Math.log10(lr) : LOG_LR_MIN;
  return (
    <fieldset className={styles.slot} style={{ "--slot-color": color } as CSSProperties}>
      <legend>{label}</legend>
      <div className={styles.controls}>
        <label className={styles.field} htmlFor={`${id}-lr`}>
          <span>
            learning rate <span className={styles.value}>{formatNumber(lr)}</span>
          </span>
          <input
            id={`${id}-lr`}
            type="range"
            min={LOG_LR_MIN}
            max={LOG_LR_MAX}
            step={0.05}
            value={Math.min(LOG_LR_MAX, Math.max(LOG_LR_MIN, logLr))}
            aria-valuetext={`learning rate ${formatNumber(lr)}`}
            onChange={(e) => onChange({ ...hparams, lr: roundLr(10 ** Number(e.currentTarget.value)) })}
          />
        </label>
        <label className={styles.field} htmlFor={`${id}-lr-text`}>
          <span>lr (type)</span>
          <input
            id={`${id}-lr-text`}
            type="number"
            step="any"
            value={Number.isFinite(lr) ? lr : ""}
            onChange={(e) => onChange({ ...hparams, lr: e.currentTarget.valueAsNumber })}
          />
        </label>
        {SLIDERS[optimizer].map((spec) => {
          const value = readSlider(spec, hparams, defaults);
          const inputId = `${id}-${spec.key}-${spec.index ?? ""}`;
          return (
            <label key={inputId} className={styles.field} htmlFor={inputId}>
              <span>
                {spec.label} <span className={styles.value}>{formatNumber(value)}</span>
              </span>
              <input
                id={inputId}
                type="range"
                min={0}
                max={1}
                step={spec.step}
                value={value}
                onChange={(e) =>
                  onChange(writeSlider(spec, hparams, defaults, Number(e.currentTarget.value)))
                }
              />
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Three significant digits, exponent notation for tiny values. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

function roundLr(v: number): number {
  return Number(v.toPrecision(2));
}
