"use client";
import { type RefObject, useEffect, useRef, useState } from "react";
import { addVisibleTime, getReadThresholdMs } from "../reading-rule";

const TICK_MS = 1_000;

/**
 * Whether the reading rule (../reading-rule.ts) is met on this visit: the element at the lesson's
 * end has been in view, and the page has been visible for long enough. Stops watching once met or
 * when `active` turns false (already read, or unmarked by hand on this visit).
 */
export function useReadingRuleMet(endRef: RefObject<HTMLElement | null>, minutes: number, active: boolean) {
  const [endSeen, setEndSeen] = useState(false);
  const [timeMet, setTimeMet] = useState(false);
  const spent = useRef(0);

  useEffect(() => {
    const node = endRef.current;
    if (!active || endSeen || !node || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setEndSeen(true);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [endRef, active, endSeen]);

  useEffect(() => {
    if (!active || timeMet) return;
    const threshold = getReadThresholdMs(minutes);
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      spent.current = addVisibleTime(spent.current, now - last, document.visibilityState === "visible");
      last = now;
      if (spent.current >= threshold) setTimeMet(true);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [active, timeMet, minutes]);

  return active && endSeen && timeMet;
}
