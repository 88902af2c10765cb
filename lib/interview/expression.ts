// A small arithmetic expression language for formula items, in mathjs syntax: numbers, variables,
// + − * / ^ (right-associative, above unary minus: -x^2 = -(x^2)), parentheses, implicit
// multiplication (2x, 2(x+1), (a)(b)), and the functions and constants below. Parsed to a tree,
// evaluated without eval; pure, so the browser could preview with it. (The brief named mathjs;
// installing packages was refused on the shared machine, and this grammar is all a formula needs.)

/** A parsed expression. */
export type Expr =
  | { kind: "num"; value: number }
  | { kind: "var"; name: string }
  | { kind: "neg"; arg: Expr }
  | { kind: "bin"; op: "+" | "-" | "*" | "/" | "^"; left: Expr; right: Expr }
  | { kind: "call"; name: FunctionName; args: Expr[] };

const FUNCTIONS = {
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  ln: Math.log,
  log10: Math.log10,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  tanh: Math.tanh,
  sign: Math.sign,
  min: Math.min,
  max: Math.max,
  pow: Math.pow,
} as const;
type FunctionName = keyof typeof FUNCTIONS;
const ARITY: Record<FunctionName, [number, number]> = {
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  ln: [1, 1],
  log10: [1, 1],
  abs: [1, 1],
  sin: [1, 1],
  cos: [1, 1],
  tan: [1, 1],
  tanh: [1, 1],
  sign: [1, 1],
  min: [2, 8],
  max: [2, 8],
  pow: [2, 2],
};
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

/** An expression that cannot be read, with the reason for the learner. */
export class ExpressionError extends Error {}

type Token = { type: "num"; value: number } | { type: "name"; value: string } | { type: "op"; value: string };

const MAX_LENGTH = 300;

function tokenize(text: string): Token[] {
  if (text.length > MAX_LENGTH)
    throw new ExpressionError(`An expression is at most ${MAX_LENGTH} characters.`);
  const tokens: Token[] = [];
  const source = text
    .replace(/\u2212/g, "-")
    .replace(/[×·⋅]/g, "*")
    .replace(/÷/g, "/");
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (space) i += space[0].length;
    else if (number) {
      tokens.push({ type: "num", value: Number(number[0]) });
      i += number[0].length;
    } else if (name) {
      tokens.push({ type: "name", value: name[0] });
      i += name[0].length;
    } else if (rest.startsWith("**")) {
      tokens.push({ type: "op", value: "^" });
      i += 2;
    } else if ("+-*/^(),".includes(rest[0] as string)) {
      tokens.push({ type: "op", value: rest[0] as string });
      i += 1;
    } else throw new ExpressionError(`Unexpected "${rest[0]}" at position ${i + 1}.`);
  }
  return tokens;
}

/** Parses an expression; throws ExpressionError saying what is wrong. Names are checked at evaluation. */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (value: string) => {
    const token = peek();
    return token?.type === "op" && token.value === value;
  };
  const expect = (value: string) => {
    if (!isOp(value)) throw new ExpressionError(`Expected "${value}".`);
    at++;
  };
  const startsPrimary = () => {
    const token = peek();
    return token !== undefined && (token.type !== "op" || token.value === "(");
  };

  // sum := term (("+" | "-") term)*
  function sum(): Expr {
    let left = term();
    while (isOp("+") || isOp("-")) {
      const op = (peek() as Token).value as "+" | "-";
      at++;
      left = { kind: "bin", op, left, right: term() };
    }
    return left;
  }
  // term := unary (("*" | "/") unary | implicit unary)*
  function term(): Expr {
    let left = unary();
    for (;;) {
      if (isOp("*") || isOp("/")) {
        const op = (peek() as Token).value as "*" | "/";
        at++;
        left = { kind: "bin", op, left, right: unary() };
      } else if (startsPrimary()) left = { kind: "bin", op: "*", left, right: power() };
      else return left;
    }
  }
  // unary := ("-" | "+") unary | power
  function unary(): Expr {
    if (isOp("-")) {
      at++;
      return { kind: "neg", arg: unary() };
    }
    if (isOp("+")) {
      at++;
      return unary();
    }
    return power();
  }
  // power := primary ("^" unary)?   (right-associative: a^b^c = a^(b^c); a^-b allowed)
  function power(): Expr {
    const base = primary();
    if (!isOp("^")) return base;
    at++;
    return { kind: "bin", op: "^", left: base, right: unary() };
  }
  function primary(): Expr {
    const token = peek();
    if (!token) throw new ExpressionError("The expression ends too early.");
    at++;
    if (token.type === "num") return { kind: "num", value: token.value };
    if (token.type === "name") {
      // A name that is no function before "(" is a variable times the parenthesis: theta(1 - a).
      if (isOp("(") && Object.hasOwn(FUNCTIONS, token.value)) {
        const name = token.value as FunctionName;
        at++;
        const args = [sum()];
        while (isOp(",")) {
          at++;
          args.push(sum());
        }
        expect(")");
        const [least, most] = ARITY[name];
        if (args.length < least || args.length > most)
          throw new ExpressionError(
            `${name} takes ${least === most ? least : `${least} to ${most}`} argument(s).`,
          );
        return { kind: "call", name, args };
      }
      return { kind: "var", name: token.value };
    }
    if (token.value === "(") {
      const inner = sum();
      expect(")");
      return inner;
    }
    throw new ExpressionError(`Unexpected "${token.value}".`);
  }

  if (tokens.length === 0) throw new ExpressionError("The expression is empty.");
  const tree = sum();
  if (at < tokens.length) throw new ExpressionError(`Unexpected "${(peek() as Token).value}".`);
  return tree;
}

/** The names an expression uses as variables (constants and functions left out when not shadowed). */
export function listVariables(expr: Expr, into = new Set<string>()): Set<string> {
  switch (expr.kind) {
    case "var":
      into.add(expr.name);
      break;
    case "neg":
      listVariables(expr.arg, into);
      break;
    case "bin":
      listVariables(expr.left, into);
      listVariables(expr.right, into);
      break;
    case "call":
      for (const arg of expr.args) listVariables(arg, into);
      break;
  }
  return into;
}

/** The names an expression may use besides the item's variables. */
export function isConstant(name: string): boolean {
  return Object.hasOwn(CONSTANTS, name);
}

/** Evaluates at a point; a variable not in `scope` falls back to a constant (pi, e). NaN where undefined. */
export function evaluate(expr: Expr, scope: Readonly<Record<string, number>>): number {
  switch (expr.kind) {
    case "num":
      return expr.value;
    case "var": {
      const value = Object.hasOwn(scope, expr.name) ? scope[expr.name] : CONSTANTS[expr.name];
      if (value === undefined) throw new ExpressionError(`Unknown name "${expr.name}".`);
      return value;
    }
    case "neg":
      return -evaluate(expr.arg, scope);
    case "bin": {
      const a = evaluate(expr.left, scope);
      const b = evaluate(expr.right, scope);
      switch (expr.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return a / b;
        case "^":
          return a ** b;
      }
      break;
    }
    case "call":
      return (FUNCTIONS[expr.name] as (...args: number[]) => number)(
        ...expr.args.map((arg) => evaluate(arg, scope)),
      );
  }
  return Number.NaN;
}
