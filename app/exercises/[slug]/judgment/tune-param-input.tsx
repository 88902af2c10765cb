"use client";

import { useId, useState } from "react";
import type { TuneParam } from "@/lib/content/judgment-schema";
import styles from "./judgment.module.css";
import tuneStyles from "./tune.module.css";

const SLIDER_STEPS = 1000;

/** Slider position (0…SLIDER_STEPS) ↔ value, on a log scale for a learning rate. */
function toSlider(param: TuneParam, value: number): number {
  const t =
    param.scale === "log"
      ? Math.log(value / param.min) / Math.log(param.max / param.min)
      : (value - param.min) / (param.max - param.min);
  return Math.round(Math.min(1, Math.max(0, t)) * SLIDER_STEPS);
}
function fromSlider(param: TuneParam, position: number): number {
  const t = position / SLIDER_STEPS;
  const value =
    param.scale === "log"
      ? param.min * (param.max / param.min) ** t
      : param.min + t * (param.max - param.min);
  return param.scale === "log"
    ? Number(value.toPrecision(param.digits))
    : Number(value.toFixed(param.digits));
}

/** Why a typed value is refused, or null when it is a number within the parameter's range. */
export function checkParamText(param: TuneParam, text: string): string | null {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) return `${param.label} needs a number.`;
  if (value < param.min || value > param.max)
    return `${param.label} must be between ${param.min} and ${param.max}.`;
  return null;
}

/**
 * One hyper-parameter: a slider and a number input between its min and max. A typed value out of
 * range (or not a number) is refused where it is typed: the box says why, and the settings keep
 * the last valid value (`onInvalid` tells the form, which refuses to run or submit until it is fixed).
 */
export function ParamInput({
  param,
  value,
  onChange,
  onInvalid,
}: {
  param: TuneParam;
  value: number;
  onChange: (value: number) => void;
  onInvalid: (message: string | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Keep the typed text while it is being edited; follow the slider (or a restored run) otherwise.
  if (shown !== value) {
    setShown(value);
    setText(String(value));
    setError(null);
  }
  const step = param.scale === "log" ? "any" : 10 ** -param.digits;
  return (
    <div className={styles.param}>
      <label htmlFor={`${id}-number`}>{param.label}</label>
      <input
        type="range"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={toSlider(param, value)}
        onChange={(event) => {
          onInvalid(null);
          setError(null);
          onChange(fromSlider(param, Number(event.target.value)));
        }}
        aria-label={`${param.label} (slider)`}
        aria-valuetext={String(value)}
      />
      <input
        id={`${id}-number`}
        name={param.name}
        type="number"
        inputMode="decimal"
        min={param.min}
        max={param.max}
        step={step}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-range ${id}-error`}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          const problem = checkParamText(param, typed);
          setError(problem);
          onInvalid(problem);
          if (problem === null) {
            const next = Number(typed);
            setShown(next);
            onChange(next);
          }
        }}
      />
      <span id={`${id}-range`} className={styles.range}>
        {param.min} to {param.max}
        {param.scale === "log" ? ", slider on a log scale" : ""}
      </span>
      {error ? (
        <p id={`${id}-error`} className={`${styles.error} ${tuneStyles.paramError}`} role="alert">
          {error} The settings keep {value}.
        </p>
      ) : null}
    </div>
  );
}
