import { addDaysIso, daysBetween } from "./dates.js";
import type { Period } from "./review-types.js";

/** Text for HTML and SVG alike: the five characters that could open markup or end an attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A line chart of one skill's ratings (1 to 5) over the period: x is the date, so uneven
 * gaps between sessions show as such. Each point is a circle with a <title>, which a
 * browser shows on hover and a screen reader reads.
 */
export function ratingChart(skill: string, ratings: { date: string; value: number }[], period: Period): string {
  const width = 360;
  const height = 160;
  const left = 28;
  const right = 12;
  const top = 12;
  const bottom = 28;
  const span = Math.max(1, daysBetween(period.from, period.to));
  const x = (date: string) => round(left + ((width - left - right) * daysBetween(period.from, date)) / span);
  const y = (value: number) => round(top + ((height - top - bottom) * (5 - value)) / 4);
  const gridLines = [1, 2, 3, 4, 5]
    .map(
      (v) =>
        `<line class="grid" x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}"/>` +
        `<text class="axis" x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    )
    .join("");
  const points = ratings.map((r) => `${x(r.date)},${y(r.value)}`).join(" ");
  const dots = ratings
    .map(
      (r) =>
        `<circle class="point" cx="${x(r.date)}" cy="${y(r.value)}" r="4" data-date="${r.date}" data-value="${r.value}">` +
        `<title>${r.date}: ${r.value}</title></circle>`,
    )
    .join("");
  const axis =
    `<text class="axis" x="${left}" y="${height - 8}">${period.from}</text>` +
    `<text class="axis" x="${width - right}" y="${height - 8}" text-anchor="end">${period.to}</text>`;
  return (
    `<svg class="chart rating-chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `aria-label="${escapeHtml(`${skill}: ratings ${ratings.map((r) => r.value).join(", ")}`)}">` +
    `${gridLines}${axis}<polyline class="line" points="${points}"/>${dots}</svg>`
  );
}

export type WeekState = "held" | "missed" | "none";

export interface GridRow {
  rep: string;
  name: string;
  cells: { week: string; state: WeekState; sessions: number }[];
}

export interface RepWeeks {
  rep: string;
  name: string;
  /** Dates of completed 1:1s, any order. */
  sessions: string[];
  /** When coaching was first expected: the rep's `added` date or first record; null if unknown. */
  start: string | null;
}

/** Monday of the week holding `date` (weeks as a manager's calendar shows them). */
export function weekStart(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDaysIso(date, -weekday);
}

/**
 * Weeks by reps: a week is `held` when a 1:1 took place in it, `missed` when none did and
 * by its last day (or today) the rep had gone longer than the cadence without one, and
 * `none` otherwise (not due yet, or before the rep's history starts).
 */
export function weekGrid(period: Period, reps: RepWeeks[], everyDays: number): { weeks: string[]; rows: GridRow[] } {
  const weeks: string[] = [];
  for (let week = weekStart(period.from); week <= period.to; week = addDaysIso(week, 7)) weeks.push(week);
  const rows = reps.map((rep) => {
    const sessions = [...rep.sessions].sort();
    return {
      rep: rep.rep,
      name: rep.name,
      cells: weeks.map((week) => {
        const end = addDaysIso(week, 6) < period.to ? addDaysIso(week, 6) : period.to;
        const held = sessions.filter((s) => s >= week && s <= end).length;
        if (held) return { week, state: "held" as const, sessions: held };
        const last = sessions.filter((s) => s <= end).at(-1) ?? rep.start;
        const missed = last !== null && last <= end && daysBetween(last, end) > everyDays;
        return { week, state: missed ? ("missed" as const) : ("none" as const), sessions: 0 };
      }),
    };
  });
  return { weeks, rows };
}

/** The grid as SVG: a filled square for a week held, a crossed outline for one missed, a dot for neither. */
export function weekGridChart(grid: { weeks: string[]; rows: GridRow[] }): string {
  const cell = 22;
  // Wide enough for the longest name at about 7 px a character (12 px system font).
  const labelWidth = Math.max(80, ...grid.rows.map((row) => [...row.name].length * 7 + 16));
  const top = 46;
  const width = labelWidth + grid.weeks.length * cell + 8;
  const height = top + grid.rows.length * cell + 8;
  const header = grid.weeks
    .map((week, i) => {
      const x = labelWidth + i * cell + cell / 2;
      return `<text class="axis" transform="translate(${x} ${top - 6}) rotate(-60)">${week.slice(5)}</text>`;
    })
    .join("");
  const rows = grid.rows
    .map((row, r) => {
      const y = top + r * cell;
      const label = `<text class="label" x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(row.name)}</text>`;
      const cells = row.cells
        .map((c, i) => {
          const x = labelWidth + i * cell;
          const title = `<title>${escapeHtml(row.name)}, week of ${c.week}: ${c.state === "held" ? `${c.sessions} 1:1 held` : c.state === "missed" ? "1:1 missed" : "not due"}</title>`;
          const data = `data-rep="${escapeHtml(row.rep)}" data-week="${c.week}"`;
          if (c.state === "held")
            return `<rect class="cell held" ${data} x="${x + 3}" y="${y + 3}" width="${cell - 6}" height="${cell - 6}">${title}</rect>`;
          if (c.state === "missed")
            return (
              `<g class="cell missed" ${data}>${title}<rect x="${x + 3.5}" y="${y + 3.5}" width="${cell - 7}" height="${cell - 7}"/>` +
              `<line x1="${x + 6}" y1="${y + 6}" x2="${x + cell - 6}" y2="${y + cell - 6}"/>` +
              `<line x1="${x + cell - 6}" y1="${y + 6}" x2="${x + 6}" y2="${y + cell - 6}"/></g>`
            );
          return `<circle class="cell none" ${data} cx="${x + cell / 2}" cy="${y + cell / 2}" r="2">${title}</circle>`;
        })
        .join("");
      return label + cells;
    })
    .join("");
  return (
    `<svg class="chart week-grid" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `aria-label="1:1s held and missed, by week and rep">${header}${rows}</svg>`
  );
}
