import type { DealCounts } from "./deal.js";
import type { FocusMix, SelfCheckSummary } from "./review-loop.js";

/** The shape of a review: the JSON of DESIGN.md's "Review" section (snake_case on purpose). */

export interface Period {
  from: string;
  to: string;
}

/** Who is reviewed: a rep's profile, or a bare id for a rep removed from the workspace. */
export interface ReviewedRep {
  id: string;
  name: string;
  goals: string[];
  added?: string;
  focus_stage: string | null;
  /** False when the rep has records but no profile any more. */
  profile: boolean;
}

export interface Cadence {
  every_days: number;
  expected: number;
  held: number;
  longest_gap_days: number;
  last_session: string | null;
  days_since: number | null;
  /** When the next 1:1 is due by the cadence (today or earlier when overdue). */
  next_due: string;
  overdue: boolean;
}

export interface OverdueAction {
  id: string;
  text: string;
  owner: string;
  due: string;
  days_overdue: number;
  made: string;
  record: string;
}

export interface ActionCounts {
  made: number;
  done: number;
  done_on_time: number;
  tried: number;
  dropped: number;
  open: number;
  overdue: number;
  /** The overdue ones among those made in the period, most overdue first. */
  overdue_items: OverdueAction[];
  /** Commitments made before the period that are still open today. */
  open_from_earlier: number;
}

export type Trend = "up" | "down" | "flat" | "single";

export interface SkillTrend {
  skill: string;
  first: number;
  last: number;
  trend: Trend;
  ratings: { date: string; value: number }[];
}

export interface DrillSummary {
  held: number;
  average_score: number | null;
  by_skill: { skill: string; rounds: number; average_score: number; last_score: number; last_date: string }[];
  /** Skills whose practice is due today or earlier, by the spaced-repetition schedule. */
  due: { skill: string; due: string; last_score: number | null }[];
}

export interface RepReview {
  rep: string;
  name: string;
  profile: boolean;
  period: Period;
  cadence: Cadence;
  actions: ActionCounts;
  skills: SkillTrend[];
  stages: Record<string, number>;
  uncoached_stages: string[];
  coaching_kinds: Record<string, number>;
  drills: DrillSummary;
  goals: string[];
  /** Sessions and drills in the period by their template's focus. */
  focus_mix: FocusMix;
  /** Completed 1:1s where the manager said they did part of the rep's work. */
  took_over: number;
  /** Commitments made in the period that the manager owns (heroic coaching shows here first). */
  manager_owned: number;
  /** The manager's pre-session self-check over the period's plans. */
  self_check: SelfCheckSummary;
  /** The rep's rating of the coaching, asked every fourth 1:1. */
  coaching_feedback: { date: string; value: number }[];
  next_steps: string[];
  /** The rep's deals (the command reads them; the domain review is of records alone). */
  deals?: DealCounts;
}

/** The part of a review a team view shows for each rep: no drills, coverage or next steps, so 100 reps stay quick. */
export type RepSummary = Pick<RepReview, "rep" | "name" | "profile" | "period" | "cadence" | "actions" | "skills">;
