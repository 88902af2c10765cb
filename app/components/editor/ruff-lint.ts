// What the Python editor asks of Ruff (ruff.worker.ts) and how its answers become Monaco markers:
// plain data, shared by the worker, the editor and the tests (which run Ruff in Node).

/**
 * Only what is certainly wrong: syntax errors (always reported), E9 (the file cannot be read),
 * F63 (comparisons that are always wrong), F7 (statements in the wrong place: `return` outside a
 * function, `break` outside a loop) and F82 (undefined names). No style, no unused imports.
 */
export const RUFF_SETTINGS = { lint: { select: ["E9", "F63", "F7", "F82"] } };

/** One diagnostic as the editor shows it (1-based lines, UTF-16 columns as Monaco counts them). */
export type LintMarker = {
  code: string | null;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
};

export type RuffRequest = { id: number; code: string };
export type RuffResponse = { id: number; markers: LintMarker[]; error?: string };

type RuffDiagnostic = {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
  end_location: { row: number; column: number };
};

/** Ruff's diagnostics as markers; an empty range (end of file) is widened to one character. */
export function toLintMarkers(diagnostics: readonly RuffDiagnostic[]): LintMarker[] {
  return diagnostics.map((d) => {
    const sameSpot =
      d.end_location.row === d.start_location.row && d.end_location.column <= d.start_location.column;
    return {
      code: d.code && d.code !== "invalid-syntax" ? d.code : null,
      message: d.code === "invalid-syntax" ? `SyntaxError: ${d.message}` : d.message,
      startLineNumber: d.start_location.row,
      startColumn: d.start_location.column,
      endLineNumber: d.end_location.row,
      endColumn: sameSpot ? d.start_location.column + 1 : d.end_location.column,
    };
  });
}
