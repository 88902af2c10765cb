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
  // Mini-batch exercises: the mean gradient of the first batch of epoch 0's order.
  const batch = test.minibatch ? (objective.epochOrder?.(0) ?? []).slice(0, test.minibatch.batchSize) : null;
  if (batch) {
    const one = new Float64Array(x0.length);
    for (const i of batch) {
      objective.exampleGradient?.(i, x0, one);
      for (let j = 0; j < grad.length; j++) grad[j] = (grad[j] as number) + (one[j] as number) / batch.length;
    }
  } else objective.gradient(x0, grad, 1);
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
      {batch ? (
        <dt>
          Gradient g<sub>1</sub>: mean of ∇f<sub>i</sub>(x<sub>0</sub>) over the first batch (examples{" "}
          {batch.join(", ")})
        </dt>
      ) : (
        <dt>
          Gradient g<sub>1</sub> = ∇f(x<sub>0</sub>)
        </dt>
      )}
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
