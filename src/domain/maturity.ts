import { daysBetween } from "./dates.js";
import { isScoredDrill, type RecordSummary, type StoredRecord } from "./record.js";
import { type FocusMix, focusMix, MINDSET_SHARE_FLOOR, mindsetShare } from "./review-loop.js";
import type { ActionCounts, Period } from "./review-types.js";

// The team's coaching maturity (DESIGN.md, "The team's coaching maturity"): four levels read
// from what the records show, so a manager sees where the team stands and what moves it up.

export const MATURITY_LEVELS = ["ad-hoc", "informal", "formal", "dynamic"] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

/** Shares from 0 to 1 over the period; null when there is nothing to measure yet. */
export interface MaturityEvidence {
  /** Reps not overdue for a 1:1, of those one was due for or held with. */
  on_cadence: number | null;
  /** Completed 1:1s held on a template keyed to a stage of the process (or on a deal). */
  stage_keyed: number | null;
  /** Reps who drilled in at least half the weeks of the period (since they joined). */
  drills_weekly: number | null;
  /** Mindset's share of the sessions and drills (a session on both counts half). */
  mindset_share: number | null;
  /** Commitments kept on time (done by their due date, or tried) of those due or closed. */
  on_time: number | null;
}

export interface Maturity {
  level: MaturityLevel;
  evidence: MaturityEvidence;
}

export const FLOORS = {
  informalCadence: 0.5,
  formalCadence: 0.8,
  stageKeyed: 0.5,
  drillsWeekly: 0.5,
  mindset: MINDSET_SHARE_FLOOR,
  onTime: 0.7,
} as const;

/** What one rep contributes to the team's evidence. */
export interface RepCoachingFacts {
  sessions: number;
  stageKeyed: number;
  /**
   * Weeks of the period the rep was in the team for, and those with a completed drill; the
   * week they joined part-way through counts only if it has one.
   */
  weeks: number;
  drillWeeks: number;
  mix: FocusMix;
  /** Commitments whose outcome is known or late, and those of them kept on time. */
  measured: number;
  kept: number;
}

export interface RepFactsInput {
  records: StoredRecord[];
  period: Period;
  /** When coaching became due for the rep: added, or the first record. */
  start: string | undefined;
  actions: ActionCounts;
  /** Whether a session's template works on one stage of the process. */
  isStageKeyed: (session: RecordSummary) => boolean;
}

export function repCoachingFacts(input: RepFactsInput): RepCoachingFacts {
  const { period, actions } = input;
  const inPeriod = input.records.filter(
    ({ record }) => record.status === "completed" && record.date >= period.from && record.date <= period.to,
  );
  const sessions = inPeriod.map(({ record }) => record).filter((r) => r.type === "session");
  // A huddle before a call is no practice: only scored drills count.
  const drillDates = inPeriod.filter(({ record }) => isScoredDrill(record)).map(({ record }) => record.date);
  const { weeks, drillWeeks } = weeksWithDrills(period, input.start, drillDates);
  return {
    sessions: sessions.length,
    stageKeyed: sessions.filter(input.isStageKeyed).length,
    weeks,
    drillWeeks,
    mix: focusMix(inPeriod),
    // Open commitments not yet due say nothing yet; a tried one is a brave attempt, not a miss.
    measured: actions.made - actions.open + actions.overdue,
    kept: actions.done_on_time + actions.tried,
  };
}

/**
 * The period's whole weeks, counted back from its last day (a short period is one week),
 * leaving out those that ended before the rep started, and the one they started part-way
 * through unless it holds a drill; and how many of them hold a drill.
 * Counted in days, not by listing the weeks: a team review over years has thousands.
 */
function weeksWithDrills(period: Period, start: string | undefined, drillDates: string[]) {
  const whole = Math.floor((daysBetween(period.from, period.to) + 1) / 7);
  // Week i (0 the last) ends 7i days before the period does; it counts if that is on or after the start.
  const sinceStart = start === undefined ? Number.POSITIVE_INFINITY : daysBetween(start, period.to);
  let weeks = sinceStart < 0 ? 0 : Math.min(Math.max(whole, 1), Math.floor(sinceStart / 7) + 1);
  const withDrill = new Set<number>();
  for (const date of drillDates) {
    const week = whole ? Math.floor(daysBetween(date, period.to) / 7) : 0;
    if (week < weeks) withDrill.add(week);
  }
  // The week the rep joined part-way through counts only if they drilled in it: a rep added
  // today has had no week to practise in yet, and shows "nothing to measure yet", not 0%.
  const oldest = weeks - 1;
  const oldestBegins = whole ? 7 * oldest + 6 : daysBetween(period.from, period.to);
  if (weeks > 0 && sinceStart < oldestBegins && !withDrill.has(oldest)) weeks--;
  return { weeks, drillWeeks: withDrill.size };
}

/** `onCadence`: the team review's share of reps on cadence (its `on_cadence.share`), the one rule for it. */
export function teamMaturity(reps: RepCoachingFacts[], onCadence: number | null): Maturity {
  const sum = (pick: (r: RepCoachingFacts) => number) => reps.reduce((total, r) => total + pick(r), 0);
  const share = (part: number, whole: number) => (whole ? part / whole : null);
  const withWeeks = reps.filter((r) => r.weeks > 0);
  const mix: FocusMix = {
    skillset: sum((r) => r.mix.skillset),
    mindset: sum((r) => r.mix.mindset),
    both: sum((r) => r.mix.both),
  };
  const exact: MaturityEvidence = {
    on_cadence: onCadence,
    stage_keyed: share(
      sum((r) => r.stageKeyed),
      sum((r) => r.sessions),
    ),
    drills_weekly: share(withWeeks.filter((r) => r.drillWeeks * 2 >= r.weeks).length, withWeeks.length),
    mindset_share: mindsetShare(mix),
    on_time: share(
      sum((r) => r.kept),
      sum((r) => r.measured),
    ),
  };
  // The level is read from the shares as shown (two decimals), so the report never contradicts it.
  const evidence = Object.fromEntries(
    Object.entries(exact).map(([key, value]) => [key, value === null ? null : round2(value)]),
  ) as unknown as MaturityEvidence;
  return { level: maturityLevel(evidence), evidence };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
/** Compared at two decimals: a mindset share of 0.33 is a third. */
const reaches = (value: number | null, floor: number) => value !== null && round2(value) >= round2(floor);

/** The four levels of DESIGN.md, each one the one below plus more. */
export function maturityLevel(e: MaturityEvidence): MaturityLevel {
  if (!reaches(e.on_cadence, FLOORS.informalCadence)) return "ad-hoc";
  if (!formalConditions(e).every((c) => c.met)) return "informal";
  return dynamicConditions(e).every((c) => c.met) ? "dynamic" : "formal";
}

interface Condition {
  met: boolean;
  /** What to do, with where the team is now. */
  todo: string;
}

const percent = (value: number | null) => (value === null ? "nothing to measure yet" : `${Math.round(value * 100)}%`);
const now = (value: number | null) => (value === null ? "nothing to measure yet" : `now ${percent(value)}`);

function formalConditions(e: MaturityEvidence): Condition[] {
  return [
    {
      met: reaches(e.on_cadence, FLOORS.formalCadence),
      todo: `coach at least 80% of the reps on cadence (${now(e.on_cadence)})`,
    },
    {
      met: reaches(e.stage_keyed, FLOORS.stageKeyed),
      todo: `key at least half the 1:1s to a stage of the process (${now(e.stage_keyed)})`,
    },
    {
      met: reaches(e.drills_weekly, FLOORS.drillsWeekly),
      todo: `have at least half the reps drill in most weeks (${now(e.drills_weekly)})`,
    },
  ];
}

function dynamicConditions(e: MaturityEvidence): Condition[] {
  return [
    {
      met: reaches(e.mindset_share, FLOORS.mindset),
      todo: `give the mindset at least a third of the coaching (${now(e.mindset_share)})`,
    },
    {
      met: reaches(e.on_time, FLOORS.onTime),
      todo: `keep at least 70% of the commitments on time (${now(e.on_time)})`,
    },
  ];
}

/** The sentence saying what would move the team up a level. */
export function nextLevelAdvice(maturity: Maturity): string {
  const { level, evidence } = maturity;
  if (level === "dynamic")
    return (
      "The team is at the top level: keep the cadence, the stage-keyed 1:1s, the weekly drills, " +
      "the mindset's share and the commitments kept on time where they are."
    );
  const next = MATURITY_LEVELS[MATURITY_LEVELS.indexOf(level) + 1]!;
  const conditions =
    level === "ad-hoc"
      ? [
          {
            met: false,
            todo: `coach at least half the reps on cadence (${now(evidence.on_cadence)})`,
          },
        ]
      : level === "informal"
        ? formalConditions(evidence)
        : dynamicConditions(evidence);
  const todo = conditions.filter((c) => !c.met).map((c) => c.todo);
  return `To reach ${next}: ${todo.join("; ")}.`;
}

/** One line per piece of evidence, for the reports. */
export function maturityEvidenceLines(evidence: MaturityEvidence): [string, string][] {
  return [
    ["Reps coached on cadence", percent(evidence.on_cadence)],
    ["1:1s keyed to a stage", percent(evidence.stage_keyed)],
    ["Reps drilling in most weeks", percent(evidence.drills_weekly)],
    ["Mindset's share of the coaching", percent(evidence.mindset_share)],
    ["Commitments kept on time", percent(evidence.on_time)],
  ];
}

/** The line the reports print beside the level: what it means, or that nothing shows it yet. */
export function levelMeaning(maturity: Maturity): string {
  // The level falls to ad-hoc when no rep is due for a 1:1 yet; its meaning would claim what nothing shows.
  return maturity.evidence.on_cadence === null
    ? "nothing to measure yet, as no rep is due for a 1:1"
    : LEVEL_MEANING[maturity.level];
}

/** What each level means, in a line the reports print beside it. */
const LEVEL_MEANING: Record<MaturityLevel, string> = {
  "ad-hoc": "coaching is left to each moment: under half the reps are coached on cadence",
  informal:
    "at least half the reps are coached on cadence, but not yet with the 80%, " +
    "stage-keyed 1:1s and weekly drills of a formal process",
  formal: "a defined way of coaching, on cadence, keyed to the stages of the process, with weekly drills",
  dynamic: "formal, and the mindset gets its share and commitments are kept on time",
};
