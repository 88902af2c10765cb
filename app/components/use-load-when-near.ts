"use client";

import { type RefObject, useEffect } from "react";

/** How far below (and above) the viewport deferred code starts loading. */
const ROOT_MARGIN = "600px 0px";

/**
 * Calls `load` once, when the element comes within ROOT_MARGIN of the viewport (at once where
 * IntersectionObserver is missing): how lesson figures and a lesson's check-yourself questions bring
 * their code only as the reader nears them. `load` gets the element and whether the component has
 * gone since (or `key` changed), to drop a result that arrives too late.
 */
export function useLoadWhenNear<T extends HTMLElement>(
  ref: RefObject<T | null>,
  load: (node: T, isCancelled: () => boolean) => unknown,
  key?: unknown,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per element and key; `load` is a fresh closure each render.
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    let cancelled = false;
    const isCancelled = () => cancelled;
    if (typeof IntersectionObserver === "undefined") {
      load(node, isCancelled);
      return () => {
        cancelled = true;
      };
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        load(node, isCancelled);
      },
      { rootMargin: ROOT_MARGIN },
    );
    observer.observe(node);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [key]);
}
