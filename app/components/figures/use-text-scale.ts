"use client";
import { useLayoutEffect, useRef } from "react";

/**
 * Keeps an SVG's text at its stated size in CSS pixels when the SVG is drawn smaller than its
 * viewBox (a phone): sets `--text-scale` on the SVG to viewBox width ÷ drawn width, never below 1,
 * which figures.module.css multiplies into its font sizes. Wider than its viewBox, the SVG scales
 * its text up with it, as before.
 */
export function useTextScale(viewBoxWidth: number) {
  const ref = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const update = () => {
      const width = svg.getBoundingClientRect().width;
      if (width > 0) svg.style.setProperty("--text-scale", String(Math.max(1, viewBoxWidth / width)));
    };
    update();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(update);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [viewBoxWidth]);
  return ref;
}
