/** Calendar heatmap of reviews per day: one column per week, one row per weekday (SVG). */
export function ReviewHeatmap({
  days,
  className,
}: {
  days: { day: string; count: number }[];
  className?: string;
}) {
  const cell = 12;
  const gap = 3;
  const max = Math.max(1, ...days.map((d) => d.count));
  // Align the first column to the first day's weekday (0 = Sunday).
  const offset = days.length > 0 ? new Date(`${days[0]?.day}T00:00:00Z`).getUTCDay() : 0;
  const columns = Math.ceil((days.length + offset) / 7);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  return (
    <svg
      className={className}
      viewBox={`0 0 ${columns * (cell + gap)} ${7 * (cell + gap)}`}
      role="img"
      aria-label={`Reviews per day over the last ${Math.round(days.length / 7)} weeks: ${total} in total`}
    >
      {days.map((d, i) => {
        const slot = i + offset;
        const level = d.count === 0 ? 0 : 0.25 + (0.75 * d.count) / max;
        return (
          <rect
            key={d.day}
            x={Math.floor(slot / 7) * (cell + gap)}
            y={(slot % 7) * (cell + gap)}
            width={cell}
            height={cell}
            rx={2}
            fill={d.count === 0 ? "var(--bg-muted)" : "var(--accent)"}
            fillOpacity={d.count === 0 ? 1 : level}
          >
            <title>{`${d.day}: ${d.count} review${d.count === 1 ? "" : "s"}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** Bar chart of cards due per day (SVG). */
export function ForecastBars({
  days,
  className,
}: {
  days: { day: string; count: number }[];
  className?: string;
}) {
  const width = 28;
  const height = 120;
  const max = Math.max(1, ...days.map((d) => d.count));
  return (
    <svg
      className={className}
      viewBox={`0 0 ${days.length * width} ${height + 34}`}
      role="img"
      aria-label={`Cards due over the next ${days.length} days: ${days.map((d) => d.count).join(", ")}`}
    >
      {days.map((d, i) => {
        const h = (d.count / max) * height;
        return (
          <g key={d.day}>
            <rect
              x={i * width + 4}
              y={height - h + 14}
              width={width - 8}
              height={h}
              rx={2}
              fill="var(--accent)"
            >
              <title>{`${d.day}: ${d.count} due`}</title>
            </rect>
            <text
              x={i * width + width / 2}
              y={height - h + 10}
              textAnchor="middle"
              fontSize="10"
              fill="var(--fg-muted)"
            >
              {d.count}
            </text>
            <text
              x={i * width + width / 2}
              y={height + 28}
              textAnchor="middle"
              fontSize="10"
              fill="var(--fg-muted)"
            >
              {d.day.slice(8)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
