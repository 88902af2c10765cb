import { useId } from "react";
import { computeWorkedSteps, formatNumber, formatVector, type WorkedRunProps } from "./worked-steps";
import styles from "./mdx.module.css";

const LABELS: Record<string, string> = {
  momentum_buffer: "momentum buffer",
  exp_avg: "m (exp_avg)",
  exp_avg_sq: "v (exp_avg_sq)",
  square_avg: "square_avg",
  sum: "sum",
};

function describeRun(props: WorkedRunProps): string {
  const hparams = Object.entries(props.hparams ?? {})
    .map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
    .join(", ");
  return `${props.optimizer}${hparams ? ` (${hparams})` : ""} on ${props.objective}, starting at ${formatVector(props.x0, 6)}`;
}

/**
 * A table of the first steps of an optimizer, computed by the reference core when the page is
 * built (never typed by hand): parameters, the gradient each step used, loss and optimizer state.
 */
export function WorkedExample({
  digits = 4,
  caption,
  ...props
}: WorkedRunProps & { digits?: number; caption?: string }) {
  const rows = computeWorkedSteps(props);
  const stateKeys = Object.keys(rows[rows.length - 1]?.state ?? {});
  const captionId = useId();
  return (
    <figure className={styles.worked}>
      {/* The caption sits outside the scroller: on a phone the table scrolls, its caption stays in view. */}
      <section
        className={styles.tableScroll}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        aria-labelledby={captionId}
      >
        <table className={styles.table} aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">step</th>
              <th scope="col">params</th>
              <th scope="col">gradient</th>
              <th scope="col">loss</th>
              {stateKeys.map((key) => (
                <th scope="col" key={key}>
                  {LABELS[key] ?? key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.step} data-step={row.step}>
                <th scope="row">{row.step}</th>
                <td data-field="params">{formatVector(row.params, digits)}</td>
                <td data-field="gradient">{row.gradient ? formatVector(row.gradient, digits) : "—"}</td>
                <td data-field="loss">{formatNumber(row.loss, digits)}</td>
                {stateKeys.map((key) => {
                  const value = row.state[key];
                  return (
                    <td key={key} data-field={key}>
                      {value === undefined ? "—" : formatVector(value, digits)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <figcaption id={captionId} className={styles.workedCaption}>
        {caption ?? `Worked example: ${describeRun(props)}.`} Computed by the reference core when this page
        was built; the gradient in row k is the one step k used, taken at the previous row&apos;s parameters.
      </figcaption>
    </figure>
  );
}

/**
 * One number from a reference-core run, inline: `field` is params, gradient, loss or a state buffer.
 * `steps` may be omitted: the run then stops at `step`.
 */
export function WorkedValue({
  step,
  field,
  index = 0,
  digits = 6,
  steps,
  ...props
}: Omit<WorkedRunProps, "steps"> & {
  steps?: number;
  step: number;
  field: string;
  index?: number;
  digits?: number;
}) {
  const row = computeWorkedSteps({ ...props, steps: steps ?? step })[step];
  if (!row) throw new Error(`WorkedValue: step ${step} is beyond steps = ${steps}.`);
  const source =
    field === "params"
      ? row.params
      : field === "gradient"
        ? row.gradient
        : field === "loss"
          ? row.loss
          : row.state[field];
  const value = typeof source === "number" ? source : source?.[index];
  if (value === undefined) throw new Error(`WorkedValue: no ${field}[${index}] at step ${step}.`);
  return <span className={styles.value}>{formatNumber(value, digits)}</span>;
}
