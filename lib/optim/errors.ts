import type { z } from "zod";

/** Thrown for an invalid optimizer, schedule or objective configuration; `param` names the culprit. */
export class OptimizerConfigError extends Error {
  readonly param: string;
  constructor(message: string, param: string) {
    super(message);
    this.name = "OptimizerConfigError";
    this.param = param;
  }
}

/** Formats a zod path the way users write it: `betas[0]`, `data.X[3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function getAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function formatValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/** Issue params marking a custom issue whose message is already a full sentence. */
export const STANDALONE = { standalone: true } as const;

/**
 * Turns the first zod issue into an OptimizerConfigError, e.g. `Invalid lr: -1 (must be >= 0)`.
 * `what` names the thing configured ("adam", "schedule step") for unknown-key messages.
 */
export function createConfigError(
  error: z.ZodError,
  input: unknown,
  what: string,
  prefix = "",
): OptimizerConfigError {
  const issue = error.issues[0];
  if (issue === undefined) return new OptimizerConfigError(`Invalid ${what} configuration`, prefix || what);
  const path = formatPath(issue.path);
  const param = prefix && path ? `${prefix}.${path}` : prefix || path || what;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "?";
    const name = path ? `${param}.${key}` : prefix ? `${prefix}.${key}` : key;
    return new OptimizerConfigError(`Unknown parameter "${key}" for ${what}`, name);
  }
  if (issue.code === "custom" && issue.params?.standalone === true) {
    return new OptimizerConfigError(issue.message, param);
  }
  const value = getAtPath(input, issue.path);
  if (issue.code === "invalid_type") {
    if (value === undefined && issue.path.length > 0) {
      return new OptimizerConfigError(`Missing ${param} (required for ${what})`, param);
    }
    const expected = issue.expected === "number" ? "a finite number" : `${issue.expected}`;
    return new OptimizerConfigError(`Invalid ${param}: ${formatValue(value)} (expected ${expected})`, param);
  }
  if (issue.code === "custom") {
    return new OptimizerConfigError(`Invalid ${param}: ${formatValue(value)} (${issue.message})`, param);
  }
  return new OptimizerConfigError(`Invalid ${param}: ${formatValue(value)} (${issue.message})`, param);
}

/** Parses `input` with `schema` or throws the OptimizerConfigError of the first issue. */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  prefix = "",
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw createConfigError(result.error, input, what, prefix);
  return result.data;
}
