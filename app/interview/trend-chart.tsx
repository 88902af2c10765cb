import { LineChart } from "@/app/components/figures/line-chart";
import type { InterviewSummary } from "@/lib/interview/view";

/** Scores of the learner's finished interviews, oldest first, as a line (and a table for readers). */
export function TrendChart({ history }: { history: InterviewSummary[] }) {
  const scored = history.filter((entry) => entry.score !== null).reverse();
  if (scored.length < 2) return <p className="muted">The trend appears after two finished interviews.</p>;
  const scores = scored.map((entry) => entry.score as number);
  return (
    <figure>
      <LineChart
        series={[{ key: "score", color: "var(--series-1)", xs: scores.map((_, i) => i + 1), ys: scores }]}
        xDomain={[1, scores.length]}
        yDomain={[0, 100]}
        xLabel="interview"
        yLabel="score"
        ariaLabel={`Scores of your last ${scores.length} interviews, oldest first: ${scores.join(", ")}.`}
      />
    </figure>
  );
}
