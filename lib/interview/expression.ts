import { all, create, type EvalFunction, type MathNode } from "mathjs";

// Formula items are read and evaluated by mathjs, restricted to arithmetic: numbers, the item's
// variables, + − * / ^, parentheses, implicit multiplication, and the functions and constants
// below. Every node of the parsed tree is checked before anything is compiled, so an answer can
// name no other mathjs function (no import, evaluate, units, matrices or assignments).

const math = create(all ?? {}, { number: "number" });

/** Spellings mathjs does not read: `**` for powers, Unicode minus and times signs. */
function normalize(text: string): string {
  return text
    .replace(/\*\*/g, "^")
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/[\u00b7\u00d7\u22c5]/g, "*");
}

const FUNCTIONS = new Set([
  "sqrt",
  "exp",
  "log",
  "log10",
  "abs",
  "sin",
  "cos",
  "tan",
  "tanh",
  "sign",
  "min",
  "max",
  "pow",
]);
/** `ln` is how many people write the natural log; mathjs calls it `log`. */
const ALIASES: Readonly<Record<string, string>> = { ln: "log" };
const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };
const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);
const MAX_LENGTH = 300;

/** A parsed and checked expression. */
export type Expr = {
  readonly node: MathNode;
  readonly compiled: EvalFunction;
  readonly variables: ReadonlySet<string>;
};

/** An expression that cannot be read, with the reason for the learner. */
export class ExpressionError extends Error {}

function check(node: MathNode, variables: Set<string>): MathNode {
  return node.transform((child: MathNode) => {
    switch (child.type) {
      case "ConstantNode":
        if (typeof (child as unknown as { value: unknown }).value !== "number")
          throw new ExpressionError("Only numbers are allowed as constants.");
        return child;
      case "ParenthesisNode":
        return child;
      case "OperatorNode": {
        const fn = (child as unknown as { fn: string }).fn;
        if (!OPERATORS.has(fn))
          throw new ExpressionError(
            `The operator "${(child as unknown as { op: string }).op}" is not allowed here.`,
          );
        return child;
      }
      case "FunctionNode": {
        const target = (child as unknown as { fn: MathNode }).fn;
        const raw = target.type === "SymbolNode" ? (target as unknown as { name: string }).name : "";
        const name = ALIASES[raw] ?? raw;
        const args = (child as unknown as { args: MathNode[] }).args.map((arg) => check(arg, variables));
        // mathjs reads `theta(1 - lr)` as a call; a learner means a product with a variable.
        if (!FUNCTIONS.has(name) && raw && !Object.hasOwn(CONSTANTS, raw) && args.length === 1) {
          variables.add(raw);
          return new math.OperatorNode("*", "multiply", [
            new math.SymbolNode(raw),
            new math.ParenthesisNode(args[0] as MathNode),
          ]);
        }
        if (!FUNCTIONS.has(name))
          throw new ExpressionError(
            `Unknown name "${raw || "?"}" (functions: ${[...FUNCTIONS].join(", ")}).`,
          );
        return new math.FunctionNode(new math.SymbolNode(name), args);
      }
      case "SymbolNode": {
        const name = (child as unknown as { name: string }).name;
        if (!Object.hasOwn(CONSTANTS, name)) variables.add(name);
        return child;
      }
      default:
        throw new ExpressionError(
          "Write an arithmetic expression (no assignments, units, matrices or strings).",
        );
    }
  });
}

/** Parses `text` (mathjs syntax); throws ExpressionError with a reason the learner can act on. */
export function parseExpression(text: string): Expr {
  if (text.length > MAX_LENGTH)
    throw new ExpressionError(`An expression is at most ${MAX_LENGTH} characters.`);
  if (text.trim() === "") throw new ExpressionError("The expression is empty.");
  let parsed: MathNode;
  try {
    parsed = math.parse(normalize(text));
  } catch (error) {
    throw new ExpressionError(error instanceof Error ? error.message : "The expression cannot be read.");
  }
  const variables = new Set<string>();
  const node = check(parsed, variables);
  return { node, compiled: node.compile(), variables };
}

/** The names an expression uses as variables (constants left out). */
export function listVariables(expr: Expr, into = new Set<string>()): Set<string> {
  for (const name of expr.variables) into.add(name);
  return into;
}

/** The names an expression may use besides the item's variables. */
export function isConstant(name: string): boolean {
  return Object.hasOwn(CONSTANTS, name);
}

/** Evaluates at a point; constants (pi, e) unless the scope names them. NaN where undefined. */
export function evaluate(expr: Expr, scope: Readonly<Record<string, number>>): number {
  for (const name of expr.variables)
    if (!Object.hasOwn(scope, name)) throw new ExpressionError(`Unknown name "${name}".`);
  const value: unknown = expr.compiled.evaluate({ ...CONSTANTS, ...scope });
  return typeof value === "number" ? value : Number.NaN;
}
