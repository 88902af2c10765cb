"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Playback state of an animated figure: the current frame in 0..total. */
export interface Animation {
  frame: number;
  playing: boolean;
  toggle(): void;
  stepOnce(): void;
  reset(): void;
}

function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
}

/**
 * Animates a frame counter from 0 to `total` over about `seconds` with requestAnimationFrame.
 * With prefers-reduced-motion, play jumps straight to the end instead of animating.
 */
export function useAnimation(total: number, seconds = 5): Animation {
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const frameRef = useRef(0);
  frameRef.current = frame;

  useEffect(() => {
    if (!playing) return;
    let handle = 0;
    let last: number | null = null;
    let carry = frameRef.current;
    const rate = total / seconds;
    const tick = (now: number) => {
      if (last !== null) carry = Math.min(total, carry + ((now - last) / 1000) * rate);
      last = now;
      setFrame(Math.floor(carry));
      if (carry >= total) {
        setPlaying(false);
        return;
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [playing, total, seconds]);

  const toggle = useCallback(() => {
    if (playing) {
      setPlaying(false);
      return;
    }
    const from = frameRef.current >= total ? 0 : frameRef.current;
    if (prefersReducedMotion()) {
      setFrame(total);
      return;
    }
    setFrame(from);
    frameRef.current = from;
    setPlaying(true);
  }, [playing, total]);

  const stepOnce = useCallback(() => {
    setPlaying(false);
    setFrame((f) => Math.min(total, f + 1));
  }, [total]);

  const reset = useCallback(() => {
    setPlaying(false);
    setFrame(0);
  }, []);

  return { frame: Math.min(frame, total), playing, toggle, stepOnce, reset };
}
