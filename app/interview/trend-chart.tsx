"use client";

import dynamic from "next/dynamic";
import type { InterviewSummary } from "@/lib/interview/view";

// The chart measures its text on screen (a client hook), and brings d3: loaded only when there is
// a trend to draw, so a first visit's /interview does not carry it.
const LineChart = dynamic(() => import("@/app/components/figures/line-chart").then((m) => m.LineChart));

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
