"use client";

import { useId, useState } from "react";
import type { TuneParam } from "@/lib/content/judgment-schema";
import styles from "./judgment.module.css";

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

/** One hyper-parameter: a slider and a number input between its min and max. */
export function ParamInput({
  param,
  value,
  onChange,
}: {
  param: TuneParam;
  value: number;
  onChange: (value: number) => void;
}) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // Keep the typed text while it is being edited; follow the slider otherwise.
  if (shown !== value) {
    setShown(value);
    setText(String(value));
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
        onChange={(event) => onChange(fromSlider(param, Number(event.target.value)))}
        aria-label={`${param.label} (slider)`}
        aria-valuetext={String(value)}
      />
      <input
        id={`${id}-number`}
        type="number"
        inputMode="decimal"
        min={param.min}
        max={param.max}
        step={step}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const next = Number(event.target.value);
          if (
            event.target.value.trim() !== "" &&
            Number.isFinite(next) &&
            next >= param.min &&
            next <= param.max
          ) {
            setShown(next);
            onChange(next);
          }
        }}
      />
      <span className={styles.range}>
        {param.min} to {param.max}
        {param.scale === "log" ? ", slider on a log scale" : ""}
      </span>
    </div>
  );
}
