const BARS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** Ratings 1..5 as a one-line chart, one block per rating: `▁▃▅█`. */
export function sparkline(values: number[], min = 1, max = 5): string {
  const span = max - min || 1;
  return values
    .map((value) => BARS[Math.round(((Math.min(max, Math.max(min, value)) - min) / span) * (BARS.length - 1))])
    .join("");
}

/** Arrow for a trend word, for narrow columns. */
export function trendArrow(trend: string | null): string {
  return trend === "up" ? "↑" : trend === "down" ? "↓" : trend === "flat" ? "→" : "·";
}
