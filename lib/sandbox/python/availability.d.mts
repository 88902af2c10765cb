/** Whether learner Python can be sandboxed here; reason says what is missing and how to fix it. */
export type PythonAvailability = { available: true } | { available: false; reason: string };
/** The interpreter with Debian's NumPy. */
export declare const PYTHON_PATH: string;
/** Debian's bubblewrap. */
export declare const BWRAP_PATH: string;
/** util-linux's prlimit. */
export declare const PRLIMIT_PATH: string;
/** Read-only system paths bound into the sandbox (when they exist). */
export declare const SYSTEM_RO_BINDS: readonly string[];
/** Size of the sandbox's /tmp. */
export declare const TMP_BYTES: number;
/** bwrap arguments of an empty sandbox: fresh namespaces, read-only system, private /tmp. */
export declare function getBaseBwrapArgs(): string[];
/** Probed once per process; `refresh` probes again. */
export declare function getPythonAvailability(options?: { refresh?: boolean }): PythonAvailability;
/** The probe itself, uncached, with stand-in paths for tests. */
export declare function probePythonAvailability(paths?: {
  bwrap?: string;
  prlimit?: string;
  python?: string;
}): PythonAvailability;
