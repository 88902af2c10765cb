/**
 * When a lesson counts as read without the button: its end has been on screen and the page has
 * been open and visible for at least this share of the lesson's stated reading time. Skimming to
 * the bottom does not count; leaving the tab in the background does not either.
 */
export const READ_TIME_SHARE = 0.4;

/** The visible time a lesson of `minutes` stated minutes needs before it counts as read, in ms. */
export function getReadThresholdMs(minutes: number): number {
  return Math.round(minutes * READ_TIME_SHARE * 60_000);
}

/** The rule in one sentence, as shown beside the lesson's read button. */
export function describeReadRule(minutes: number): string {
  const needed = Math.round(minutes * READ_TIME_SHARE * 10) / 10;
  return `A lesson counts as read by itself once you reach its end and have spent at least ${needed} minutes on the page (${Math.round(READ_TIME_SHARE * 100)}% of its ${minutes}-minute reading time, counted only while the page is visible). The button marks or unmarks it by hand.`;
}

/** Longest gap between two ticks that still counts as reading (a machine asleep does not read). */
export const MAX_TICK_MS = 5_000;

/** Adds the time since the last tick when the page is visible; the gap is capped at MAX_TICK_MS. */
export function addVisibleTime(spentMs: number, sinceLastTickMs: number, visible: boolean): number {
  return visible ? spentMs + Math.min(Math.max(0, sinceLastTickMs), MAX_TICK_MS) : spentMs;
}
