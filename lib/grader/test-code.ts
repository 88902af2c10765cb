import { type ExerciseConfig, type HiddenTest, resolveX0 } from "../content/exercise-schema";
import { getRecordSteps, resolveObjectiveArgs } from "./reference";

// The `test_code` of a graded test (Exercism's test-runner interface, version 2): what the hidden test
// ran, written from the test's definition in exercise.json as the few lines of TypeScript that call
// the learner's init and step the way every harness does (lib/harness/loop.ts). Learners never see
// the hidden tests, so this is how they learn the start point, hyper-parameters and number of steps
// of a test they failed.

/** Longest x0 written out in full; a longer one shows its first values. */
const MAX_LISTED = 12;
/** A seeded start of at most this many coordinates is written out as the drawn values. */
const MAX_SEEDED_LISTED = 4;

function formatValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value !== null && typeof value === "object") return formatObject(value as Record<string, unknown>);
  return JSON.stringify(value);
}

function formatObject(object: Record<string, unknown>): string {
  const entries = Object.entries(object);
  if (entries.length === 0) return "{}";
  const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  return `{ ${entries.map(([k, v]) => `${key(k)}: ${formatValue(v)}`).join(", ")} }`;
}

function listNumbers(values: readonly number[]): string {
  if (values.length <= MAX_LISTED) return values.map(String).join(", ");
  return `${values.slice(0, 6).map(String).join(", ")}, … /* ${values.length} values */`;
}

/** The line that creates the flat parameter vector `name` from the test's x0. */
function startLine(test: HiddenTest, name: string): string {
  if (Array.isArray(test.x0)) return `const ${name} = Float64Array.of(${listNumbers(test.x0)});`;
  const { seed, scale, center } = test.x0;
  const drawn = `uniform in [${center - scale}, ${center + scale}], seed ${seed}`;
  if (test.dim <= MAX_SEEDED_LISTED)
    return `const ${name} = Float64Array.of(${resolveX0(test).map(String).join(", ")}); // ${drawn}`;
  return `const ${name} = seededUniform(${test.dim}, { seed: ${seed}, low: ${center - scale}, high: ${center + scale} });`;
}

function views(name: string, layers: readonly number[]): string {
  let start = 0;
  const parts = layers.map((size) => {
    const part = `${name}.subarray(${start}, ${start + size})`;
    start += size;
    return part;
  });
  return `[${parts.join(", ")}]`;
}

/** When the parameters are compared: after every step, or every k-th step of a long run (reference.ts). */
function checkedWhen(test: HiddenTest): string {
  const record = getRecordSteps(test.dim, test.steps);
  const every = record.length > 1 ? (record[1] as number) - (record[0] as number) : test.steps;
  return every <= 1 ? "after every step" : `every ${every} steps and after the last`;
}

/** The test_code of one test of a coded exercise: the harness around the learner's init and step. */
export function writeTestCode(config: ExerciseConfig, test: HiddenTest): string {
  const args = test.objective.args ?? {};
  const objective = `${test.objective.name}(${Object.keys(args).length > 0 ? formatObject(args) : ""})`;
  const lines = [`const f = ${objective};`];
  const minibatch = config.batchSize !== undefined;
  if (test.layers) {
    lines.push(
      startLine(test, "x"),
      `const g = new Float64Array(${test.dim});`,
      `const params = ${views("x", test.layers)};`,
      `const grads = ${views("g", test.layers)};`,
    );
  } else {
    lines.push(startLine(test, "params"), `const grad = new Float64Array(${test.dim});`);
  }
  const grad = test.layers ? "grads" : "grad";
  if (minibatch) {
    const examples = resolveObjectiveArgs(test.objective.name, test.objective.args).examples;
    lines.push(
      `const data = dataOf(f); // ${examples} examples: size, order(epoch), gradient(i, params, out)`,
    );
  }
  lines.push(`const hp = ${formatObject(test.hp)};`, "const state = init(params);");
  lines.push(`for (let t = 1; t <= ${test.steps}; t++) {`);
  if (minibatch) {
    lines.push(`  ${test.layers ? "g" : "grad"}.fill(0);`, `  step(params, ${grad}, state, hp, data);`);
  } else {
    lines.push(
      test.layers ? "  f.gradient(x, g); // g ← ∇f(x)" : "  f.gradient(params, grad); // grad ← ∇f(params)",
      `  step(params, ${grad}, state, hp);`,
    );
  }
  lines.push("}");
  lines.push(`// params are compared with the reference trajectory ${checkedWhen(test)}`);
  return lines.join("\n");
}
