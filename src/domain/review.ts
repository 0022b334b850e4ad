import { allSkills, type Config } from "./config.js";
import { addDaysIso, compareText, daysBetween } from "./dates.js";
import { skillOrder } from "./drill.js";
import { openGoals } from "./goals.js";
import { allActions, isOverdue } from "./history.js";
import { isScoredDrill, type RecordSummary, type StoredRecord } from "./record.js";
import type { Rep } from "./rep.js";
import { coachingFeedbackTrend, focusMix, managerOwned, selfCheckSummary, tookOverCount } from "./review-loop.js";
import { suggestNextSteps } from "./review-steps.js";
import type {
  ActionCounts,
  Cadence,
  DrillSummary,
  Period,
  RepReview,
  RepSummary,
  ReviewedRep,
  SkillTrend,
  Trend,
} from "./review-types.js";
import { drillSchedule, dueBy, newSkillAllowance } from "./schedule.js";
import { COACHING_KINDS } from "./template-terms.js";

export type {
  ActionCounts,
  Cadence,
  DrillSummary,
  OverdueAction,
  Period,
  RepReview,
  RepSummary,
  ReviewedRep,
  SkillTrend,
  Trend,
} from "./review-types.js";

export function fromProfile(rep: Rep): ReviewedRep {
  return {
    id: rep.id,
    name: rep.name,
    goals: openGoals(rep.goals).map((goal) => goal.text),
    added: rep.added,
    focus_stage: rep.focus_stage,
    profile: true,
  };
}

/** A rep known only by the folder of their records: no profile, or one that cannot be read. */
export function byIdOnly(id: string, profile: boolean): ReviewedRep {
  return { id, name: id, goals: [], focus_stage: null, profile };
}

/**
 * A rep's coaching history over a period (both ends included), as the review JSON of
 * DESIGN.md. Drafts never count; `open` and `overdue` are as of `period.to` (today).
 */
export function reviewRep(config: Config, rep: ReviewedRep, all: StoredRecord[], period: Period): RepReview {
  const history = sortHistory(all, period);
  const { sessions } = history;
  const stages = countBy(
    config.stages.map((s) => s.id),
    sessions.map((s) => s.stage),
  );
  const review: Omit<RepReview, "next_steps"> = {
    ...summaryOf(config, rep, history, period),
    stages,
    uncoached_stages: config.stages.map((s) => s.id).filter((id) => stages[id] === 0),
    coaching_kinds: countBy(
      [...COACHING_KINDS],
      sessions.map((s) => s.coaching_kind),
    ),
    drills: drillSummary(config, rep, history, period),
    goals: rep.goals,
    focus_mix: focusMix(history.inPeriod),
    took_over: tookOverCount(sessions),
    manager_owned: managerOwned(history.inPeriod).manager,
    self_check: selfCheckSummary(history.inPeriod),
    coaching_feedback: coachingFeedbackTrend(sessions),
  };
  return { ...review, next_steps: suggestNextSteps(review, config) };
}

export function summarizeRep(config: Config, rep: ReviewedRep, all: StoredRecord[], period: Period): RepSummary {
  return summaryOf(config, rep, sortHistory(all, period), period);
}

function summaryOf(config: Config, rep: ReviewedRep, history: History, period: Period): RepSummary {
  return {
    rep: rep.id,
    name: rep.name,
    profile: rep.profile,
    period,
    cadence: cadenceOf(config, rep, history, history.sessions, period),
    actions: actionCounts(history, period),
    skills: skillTrends(config, history.sessions),
  };
}

/** What a review needs from the whole history, gathered in one pass (a rep may have thousands of records). */
interface History {
  /** Records that count (no drafts) dated within the period. */
  inPeriod: StoredRecord[];
  /** The completed 1:1s of the period, oldest first. */
  sessions: RecordSummary[];
  /** The earliest counting record, any time up to today. */
  firstDate: string | undefined;
  lastSession: string | null;
  /** Completed drills up to today, any time: the practice schedule looks back past the period. */
  drills: StoredRecord[];
  /** Commitments made before the period and still open. */
  openFromEarlier: number;
}

function sortHistory(all: StoredRecord[], period: Period): History {
  const history: History = {
    inPeriod: [],
    sessions: [],
    firstDate: undefined,
    lastSession: null,
    drills: [],
    openFromEarlier: 0,
  };
  for (const stored of all) {
    const { record } = stored;
    if (record.status === "draft" || record.date > period.to) continue;
    if (history.firstDate === undefined || record.date < history.firstDate) history.firstDate = record.date;
    if (
      record.type === "session" &&
      record.status === "completed" &&
      (history.lastSession === null || record.date > history.lastSession)
    )
      history.lastSession = record.date;
    if (isScoredDrill(record)) history.drills.push(stored);
    if (record.date >= period.from) {
      history.inPeriod.push(stored);
      if (record.type === "session" && record.status === "completed") history.sessions.push(record);
    } else for (const action of record.actions ?? []) if (action.status === "open") history.openFromEarlier++;
  }
  // Files sort by date already; a hand-edited date may not. Plain comparison: ISO dates sort as text.
  history.sessions.sort((a, b) => compareText(a.date, b.date));
  return history;
}

function cadenceOf(
  config: Config,
  rep: ReviewedRep,
  history: History,
  sessions: RecordSummary[],
  period: Period,
): Cadence {
  const every = config.cadence.one_on_one_days;
  const today = period.to;
  // Coaching is expected from when the rep's history starts: added, or an earlier back-dated record.
  const historyStart = [rep.added, history.firstDate].filter((d): d is string => Boolean(d)).sort()[0];
  const start = historyStart && historyStart > period.from ? historyStart : period.from;
  const expected = start > today ? 0 : Math.floor((daysBetween(start, today) + 1) / every);
  // Gaps within the period: from its start (or the rep's) to the first 1:1, between 1:1s, and from the last to today.
  const points = [start, ...sessions.map((s) => s.date).filter((d) => d >= start), today];
  let longest = 0;
  for (let i = 1; i < points.length; i++) longest = Math.max(longest, daysBetween(points[i - 1]!, points[i]!));
  const last = history.lastSession;
  const daysSince = last ? daysBetween(last, today) : null;
  return {
    every_days: every,
    expected,
    held: sessions.length,
    longest_gap_days: longest,
    last_session: last,
    days_since: daysSince,
    next_due: last ? addDaysIso(last, every) : historyStart ? addDaysIso(historyStart, every) : today,
    overdue: last ? daysSince! > every : historyStart ? daysBetween(historyStart, today) > every : true,
  };
}

function actionCounts(history: History, period: Period): ActionCounts {
  const today = period.to;
  const made = allActions(history.inPeriod);
  const done = made.filter((t) => t.action.status === "done");
  const overdue = made.filter((t) => isOverdue(t.action, today));
  return {
    made: made.length,
    done: done.length,
    // No due date means it cannot be late; a done action without a close date cannot be shown on time.
    done_on_time: done.filter(
      ({ action }) => action.due === null || (action.closed_on !== null && action.closed_on <= action.due),
    ).length,
    // A brave attempt that taught something is a close of its own kind, not a failure.
    tried: made.filter((t) => t.action.status === "tried").length,
    dropped: made.filter((t) => t.action.status === "dropped").length,
    open: made.filter((t) => t.action.status === "open").length,
    overdue: overdue.length,
    overdue_items: overdue
      .map(({ action, made: madeOn, path }) => ({
        id: action.id,
        text: action.text,
        owner: action.owner,
        due: action.due!,
        days_overdue: daysBetween(action.due!, today),
        made: madeOn,
        record: path,
      }))
      .sort((a, b) => b.days_overdue - a.days_overdue || compareText(a.id, b.id)),
    open_from_earlier: history.openFromEarlier,
  };
}

/** Each rated skill's ratings in the period, in the process's skill order, then the rest by name. */
function skillTrends(config: Config, sessions: RecordSummary[]): SkillTrend[] {
  const bySkill = new Map<string, { date: string; value: number }[]>();
  for (const session of sessions) {
    for (const [skill, value] of Object.entries(session.ratings ?? {})) {
      const list = bySkill.get(skill);
      if (list) list.push({ date: session.date, value });
      else bySkill.set(skill, [{ date: session.date, value }]);
    }
  }
  const order = allSkills(config);
  const rank = (skill: string) => (order.includes(skill) ? order.indexOf(skill) : order.length);
  return [...bySkill]
    .sort(([a], [b]) => rank(a) - rank(b) || compareText(a, b))
    .map(([skill, ratings]) => {
      const first = ratings[0]!.value;
      const last = ratings.at(-1)!.value;
      return { skill, first, last, trend: trendOf(ratings.length, first, last), ratings };
    });
}

/** Last rating against the first: one rating shows no trend yet. */
export function trendOf(count: number, first: number, last: number): Trend {
  if (count < 2) return "single";
  return last > first ? "up" : last < first ? "down" : "flat";
}

function drillSummary(config: Config, rep: ReviewedRep, history: History, period: Period): DrillSummary {
  const inPeriod = history.drills
    .filter(({ record }) => record.date >= period.from)
    .sort((a, b) => compareText(a.record.date, b.record.date));
  const bySkill = new Map<string, { scores: number[]; last_score: number; last_date: string }>();
  const all: number[] = [];
  for (const { record: drill } of inPeriod) {
    const thisDrill = new Map<string, number[]>();
    for (const round of drill.rounds ?? []) {
      all.push(round.score);
      const skill = round.skill ?? drill.skill;
      if (skill) thisDrill.set(skill, [...(thisDrill.get(skill) ?? []), round.score]);
    }
    // A skill's last score is its rounds in the latest drill, averaged and rounded, as the drill schedule reads it.
    for (const [skill, scores] of thisDrill) {
      const entry = bySkill.get(skill) ?? { scores: [], last_score: 0, last_date: "" };
      entry.scores.push(...scores);
      entry.last_score = Math.round(mean(scores));
      entry.last_date = drill.date;
      bySkill.set(skill, entry);
    }
  }
  return {
    held: inPeriod.length,
    average_score: all.length ? round1(mean(all)) : null,
    by_skill: [...bySkill].map(([skill, entry]) => ({
      skill,
      rounds: entry.scores.length,
      average_score: round1(mean(entry.scores)),
      last_score: entry.last_score,
      last_date: entry.last_date,
    })),
    // The same schedule as the plan's agenda and `coach drill --week`: never-practised skills come in two a week.
    due: dueBy(
      drillSchedule(history.drills, skillOrder(config, rep), period.to, config.core_skills),
      period.to,
      newSkillAllowance(history.drills, period.to),
    ).map(({ skill, due, last_score }) => ({
      skill,
      due,
      last_score,
    })),
  };
}

/** Counts of each value, with every expected key present (zero when absent), others after. */
function countBy(keys: string[], values: (string | null | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(keys.map((key) => [key, 0]));
  for (const value of values) if (value) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
