"use client";

import { type ComponentType, useLayoutEffect, useRef, useState } from "react";
import { useLoadWhenNear } from "../use-load-when-near";
// The static first frame is drawn on the server with these styles: they ship with the page, not the chunk.
import "./figures.module.css";
import type { FigureName, FigureProps } from "./figure-names";

// biome-ignore lint/suspicious/noExplicitAny: each loader returns the component named by its key.
type AnyFigure = ComponentType<any>;

/** d3, the core and the figure's code arrive with the first figure the reader reaches. */
const LOADERS: Record<FigureName, () => Promise<AnyFigure>> = {
  Playground: () => import("./playground").then((m) => m.Playground),
  MovingAverageExplorer: () => import("./moving-average-explorer").then((m) => m.MovingAverageExplorer),
  SchedulePlotter: () => import("./schedule-plotter").then((m) => m.SchedulePlotter),
  WeightDecayComparison: () => import("./weight-decay-comparison").then((m) => m.WeightDecayComparison),
  MomentumConvergence: () => import("./momentum-convergence").then((m) => m.MomentumConvergence),
  MinibatchNoise: () => import("./minibatch-noise").then((m) => m.MinibatchNoise),
};

// Server rendering only: the figures themselves draw the first frame, so the browser's first render
// of the loaded figure is the same SVG. `typeof window` is a constant in each bundle, so the browser
// bundle drops this require (keep it inline in the condition: inside a function it would stay) and
// never carries d3 or the core with the page. Unit tests, whose Node require cannot read TypeScript,
// stub the figures; the e2e test "the server draws each figure's first frame" checks this path.
const SERVER_FIGURES: Record<FigureName, AnyFigure> | null =
  typeof window === "undefined" && !process.env.VITEST
    ? (require("./server-figures") as typeof import("./server-figures")).SERVER_FIGURES
    : null;

/** What can hold keyboard focus inside a figure; the server's first frame has the same ones, in order. */
const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

/** Position of the focused element among the figure's focusables, or -1 when focus is elsewhere. */
function findFocusIndex(node: HTMLElement): number {
  const active = document.activeElement;
  if (!active || !node.contains(active)) return -1;
  return Array.from(node.querySelectorAll(FOCUSABLE)).indexOf(active);
}

/**
 * A lesson figure: its first frame rendered on the server, made interactive when it comes near the
 * viewport. Until then React leaves the server's markup alone (nothing is hydrated inside
 * dangerouslySetInnerHTML), so the page hydrates without the figure's code.
 */
export function FigureIsland<N extends FigureName>({ name, props }: { name: N; props: FigureProps[N] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [Figure, setFigure] = useState<AnyFigure | null>(null);
  // A reader who tabbed into the server's markup before the code arrived: where focus was, so the
  // same control of the live figure gets it back (the swap replaces every node of the figure).
  const focusIndex = useRef(-1);
  useLoadWhenNear(
    ref,
    (node, isCancelled) =>
      LOADERS[name]().then((component) => {
        if (isCancelled()) return;
        focusIndex.current = findFocusIndex(node);
        setFigure(() => component);
      }),
    name,
  );
  useLayoutEffect(() => {
    const index = focusIndex.current;
    if (!Figure || index < 0) return;
    focusIndex.current = -1;
    const target = ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE)[index];
    target?.focus({ preventScroll: true });
  }, [Figure]);

  if (SERVER_FIGURES) {
    const Static: AnyFigure = SERVER_FIGURES[name];
    return (
      <div ref={ref} data-figure={name}>
        <Static {...props} />
      </div>
    );
  }
  if (Figure) {
    return (
      <div ref={ref} data-figure={name} data-figure-ready="true">
        <Figure {...props} />
      </div>
    );
  }
  return (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: empty on purpose, it keeps the server's markup.
    <div ref={ref} data-figure={name} dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />
  );
}
