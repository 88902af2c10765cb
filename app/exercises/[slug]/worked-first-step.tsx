import { createObjective } from "@/lib/objectives";
import type { VisibleRunTest } from "@/lib/exercises/visible-run";

const format = (values: ArrayLike<number>) =>
  `[${Array.from(values, (v) => Number(v.toPrecision(8))).join(", ")}]`;

/** The first step of the first visible test, worked out with the reference: x₀, g₁ and x₁. */
export function WorkedFirstStep({ test }: { test: VisibleRunTest | undefined }) {
  if (!test) return null;
  const objective = createObjective(test.objective.name, test.objective.args, { dim: test.dim });
  const x0 = Float64Array.from(test.x0);
  const grad = new Float64Array(x0.length);
  objective.gradient(x0, grad, 1);
  const hp = Object.entries(test.hp)
    .map(([name, value]) => `${name} = ${value}`)
    .join(", ");
  return (
    <dl className="card">
      <dt>Test</dt>
      <dd>
        {test.name} ({hp})
      </dd>
      <dt>
        Start x<sub>0</sub>
      </dt>
      <dd>
        <code>{format(x0)}</code>
      </dd>
      <dt>
        Gradient g<sub>1</sub> = ∇f(x<sub>0</sub>)
      </dt>
      <dd>
        <code>{format(grad)}</code>
      </dd>
      <dt>
        After step 1, x<sub>1</sub> (reference)
      </dt>
      <dd>
        <code>{format(test.expected[1] ?? [])}</code>
      </dd>
    </dl>
  );
}
