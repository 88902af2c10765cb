// The pure core's configuration errors, shared by lib/optim and lib/objectives. It sits below both
// (lib/optim runs trajectories on objectives), so neither folder imports the other to report a
// bad setting. zod/mini only: the core runs in the browser (lib/optim/browser-imports.test.ts).
import * as z from "zod/mini";

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
function createConfigError(
  error: z.core.$ZodError,
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
    const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
    return new OptimizerConfigError(`Invalid ${param}: ${formatValue(value)} (expected ${expected})`, param);
  }
  return new OptimizerConfigError(`Invalid ${param}: ${formatValue(value)} (${describeIssue(issue)})`, param);
}

const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  number: "a finite number",
  int: "an integer",
  tuple: "a list of 2 numbers",
  array: "a list",
  object: "an object",
};

// zod/mini loads no locale (its messages would be "Invalid input"), so size issues are worded here;
// custom issues carry their own message.
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small" || issue.code === "too_big") {
    const small = issue.code === "too_small";
    const bound = Number(small ? issue.minimum : issue.maximum);
    if (issue.origin === "array") {
      const count = `${bound} item${bound === 1 ? "" : "s"}`;
      return `${small ? "must have at least" : "must have at most"} ${count}`;
    }
    const op = small ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
    return `must be ${op} ${bound}`;
  }
  return issue.message;
}

/** Parses `input` with `schema` or throws the OptimizerConfigError of the first issue. */
export function parseConfig<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  what: string,
  prefix = "",
): z.core.output<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw createConfigError(result.error, input, what, prefix);
  return result.data;
}
