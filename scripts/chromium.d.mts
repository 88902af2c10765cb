/** Places a system Chromium or Chrome is installed, in the order they are tried. */
export declare const CHROMIUM_CANDIDATES: readonly string[];
/** The Chromium to launch, or null when none is installed (CHROMIUM_PATH is taken as given). */
export declare function findChromium(env?: Record<string, string | undefined>): string | null;
