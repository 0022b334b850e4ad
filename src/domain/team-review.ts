import { compareText } from "./dates.js";
import type { DealCounts } from "./deal.js";
import type { Maturity } from "./maturity.js";
import type { Period, RepSummary } from "./review.js";

export type TeamTrend = "up" | "down" | "flat" | null;

export interface TeamRow {
  rep: string;
  name: string;
  last_session: string | null;
  days_since: number | null;
  overdue: boolean;
  held: number;
  expected: number;
  open_actions: number;
  overdue_actions: number;
  /** More skills rising than falling is "up"; null when no skill was rated twice. */
  skill_trend: TeamTrend;
  /** The average rating of each rated session in the period, oldest first (the sparkline). */
  average_ratings: number[];
}

/** Records left by a rep no longer in the workspace: reported, never dropped silently. */
export interface RemovedRep {
  rep: string;
  records: number;
  last_record: string | null;
  held: number;
  /** Still open today, made in the period or before it. */
  open_actions: number;
}

export interface TeamReview {
  period: Period;
  reps: TeamRow[];
  /**
   * Reps not overdue, of those a 1:1 was due for or held with; a rep added within the
   * cadence, with none held yet, is not yet due and counts neither way.
   */
  on_cadence: { reps: number; of: number; share: number | null; not_yet_due: number };
  removed_reps: RemovedRep[];
  /** Every rep's deals, summed. */
  deals?: DealCounts;
  /** Where the team's coaching stands on the four levels, with the evidence. */
  maturity?: Maturity;
}

export function teamRow(review: RepSummary): TeamRow {
  const { cadence, actions } = review;
  return {
    rep: review.rep,
    name: review.name,
    last_session: cadence.last_session,
    days_since: cadence.days_since,
    overdue: cadence.overdue,
    held: cadence.held,
    expected: cadence.expected,
    open_actions: actions.open,
    overdue_actions: actions.overdue,
    skill_trend: teamTrend(review),
    average_ratings: averageRatingsByDate(review),
  };
}

/** Open commitments of a removed rep count whenever they were made: nobody else will follow them up. */
export function removedRep(review: RepSummary, records: number, lastRecord: string | null): RemovedRep {
  return {
    rep: review.rep,
    records,
    last_record: lastRecord,
    held: review.cadence.held,
    open_actions: review.actions.open + review.actions.open_from_earlier,
  };
}

/**
 * Overdue reps first, longest without a 1:1 first (never coached before all), then by id.
 */
export function teamReview(period: Period, rows: TeamRow[], removed: RemovedRep[]): TeamReview {
  const since = (row: TeamRow) => row.days_since ?? Number.POSITIVE_INFINITY;
  const reps = [...rows].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || since(b) - since(a) || compareText(a.rep, b.rep),
  );
  const due = rows.filter((row) => !notYetDue(row));
  const kept = due.filter((row) => !row.overdue).length;
  return {
    period,
    reps,
    on_cadence: {
      reps: kept,
      of: due.length,
      share: due.length ? Math.round((kept / due.length) * 100) / 100 : null,
      not_yet_due: rows.length - due.length,
    },
    removed_reps: removed,
  };
}

/** Added within the cadence, with no 1:1 held yet: neither on cadence nor behind it. */
function notYetDue(row: Pick<TeamRow, "expected" | "held" | "overdue">): boolean {
  return row.expected === 0 && row.held === 0 && !row.overdue;
}

/** "2 of 3 reps coached on cadence (67%)", and the reps not yet due said apart; for every format. */
export function onCadenceText(kept: TeamReview["on_cadence"]): { lead: string; rest: string } {
  const newcomers = kept.not_yet_due
    ? `${kept.not_yet_due} new rep${kept.not_yet_due === 1 ? "" : "s"} not yet due for a 1:1`
    : "";
  if (!kept.of) return { lead: newcomers, rest: "" };
  return {
    lead: `${kept.reps} of ${kept.of} reps coached on cadence`,
    rest: `${Math.round((kept.share ?? 0) * 100)}%${newcomers ? `; ${newcomers}` : ""}`,
  };
}

function teamTrend(review: RepSummary): TeamTrend {
  const moving = review.skills.filter((s) => s.trend !== "single");
  if (!moving.length) return null;
  const up = moving.filter((s) => s.trend === "up").length;
  const down = moving.filter((s) => s.trend === "down").length;
  return up > down ? "up" : down > up ? "down" : "flat";
}

function averageRatingsByDate(review: RepSummary): number[] {
  const byDate = new Map<string, number[]>();
  for (const skill of review.skills)
    for (const { date, value } of skill.ratings) byDate.set(date, [...(byDate.get(date) ?? []), value]);
  return [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, values]) => Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10);
}
