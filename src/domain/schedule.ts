import { addDaysIso, compareText } from "./dates.js";
import type { StoredRecord } from "./record.js";

/**
 * Spaced repetition of drills, per rep and skill. After a drill, a skill comes back
 * after a number of days set by its score in that drill: weak skills return within
 * days, strong ones in weeks.
 *
 *   score 1 -> 2 days, 2 -> 3 days, 3 -> 7 days, 4 -> 14 days, 5 -> 28 days
 *
 * A strong score (4 or 5) that follows other strong scores of the same skill doubles
 * the interval once per earlier strong score in the unbroken run, up to 56 days: a
 * skill that keeps scoring well is practised less and less often (4, 4 -> 28 days;
 * 4, 4, 4 -> 56; 5, 5 -> 56). Any score under 4 breaks the run and brings the skill
 * back on the short interval again.
 */
export const DRILL_INTERVAL_DAYS: Record<number, number> = { 1: 2, 2: 3, 3: 7, 4: 14, 5: 28 };
/** Scores at or above this count as strong and grow the interval when repeated. */
export const STRONG_SCORE = 4;
/** The longest a skill waits between drills, however strong (eight weeks). */
export const MAX_INTERVAL_DAYS = 56;

export interface SkillDue {
  skill: string;
  /** YYYY-MM-DD; a skill never drilled is due on `firstDue`. */
  due: string;
  last_date: string | null;
  last_score: number | null;
  /** Days from the last drill to `due`; null for a skill never drilled. */
  interval_days: number | null;
}

export interface DrillScore {
  date: string;
  score: number;
}

/** Days until a skill's next drill, from its drill scores (oldest first). */
export function nextIntervalDays(scores: number[]): number {
  const last = scores.at(-1);
  if (last === undefined) return 0;
  const base = DRILL_INTERVAL_DAYS[last] ?? DRILL_INTERVAL_DAYS[3]!;
  if (last < STRONG_SCORE) return base;
  let earlierStrong = 0;
  for (let i = scores.length - 2; i >= 0 && scores[i]! >= STRONG_SCORE; i--) earlierStrong++;
  return Math.min(base * 2 ** earlierStrong, MAX_INTERVAL_DAYS);
}

/**
 * Each skill's score in every completed drill, oldest first. A drill's score for a
 * skill is the average of its rounds of that skill, rounded; drafts never count.
 */
export function drillHistory(records: StoredRecord[]): Map<string, DrillScore[]> {
  const history = new Map<string, DrillScore[]>();
  const drills = records
    .map(({ record }) => record)
    .filter((r) => r.type === "drill" && r.status === "completed")
    .sort((a, b) => compareText(a.date, b.date));
  for (const drill of drills) {
    const bySkill = new Map<string, number[]>();
    for (const round of drill.rounds ?? []) {
      const skill = round.skill ?? drill.skill;
      if (!skill) continue;
      bySkill.set(skill, [...(bySkill.get(skill) ?? []), round.score]);
    }
    for (const [skill, scores] of bySkill) {
      const score = Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
      history.set(skill, [...(history.get(skill) ?? []), { date: drill.date, score }]);
    }
  }
  return history;
}

/** Each drilled skill's latest score (rounds of that skill averaged, rounded) and its date. */
export function latestDrillScores(records: StoredRecord[]): Map<string, DrillScore> {
  return new Map([...drillHistory(records)].map(([skill, scores]) => [skill, scores.at(-1)!]));
}

/**
 * When each skill is next due for practice, soonest first; among equals, the lower
 * last score first. Pure: `records` are one rep's, "today" is the caller's business.
 */
export function drillSchedule(records: StoredRecord[], skills: string[], firstDue: string): SkillDue[] {
  const history = drillHistory(records);
  return skills
    .map((skill): SkillDue => {
      const scores = history.get(skill);
      const last = scores?.at(-1);
      if (!scores || !last) return { skill, due: firstDue, last_date: null, last_score: null, interval_days: null };
      const interval = nextIntervalDays(scores.map((s) => s.score));
      return {
        skill,
        due: addDaysIso(last.date, interval),
        last_date: last.date,
        last_score: last.score,
        interval_days: interval,
      };
    })
    .sort(
      (a, b) =>
        compareText(a.due, b.due) ||
        (a.last_score ?? 0) - (b.last_score ?? 0) ||
        skills.indexOf(a.skill) - skills.indexOf(b.skill),
    );
}

/**
 * How many skills a rep has never practised are brought in per week (counting those
 * first drilled in the last seven days): a new team is not handed every skill at once.
 * They come in schedule order (the caller lists the rep's focus stage first, then the
 * process order, then the core skills).
 */
export const NEW_SKILLS_PER_WEEK = 2;

/**
 * How many never-practised skills may still come in for the week starting `from`:
 * NEW_SKILLS_PER_WEEK less those first drilled in the seven days before it.
 */
export function newSkillAllowance(records: StoredRecord[], from: string): number {
  const weekAgo = addDaysIso(from, -7);
  const firstDrilled = [...drillHistory(records).values()].filter((scores) => scores[0]!.date > weekAgo).length;
  return Math.max(0, NEW_SKILLS_PER_WEEK - firstDrilled);
}

/** The schedule's entries due on or before `to`, with at most `newLimit` never-drilled skills. */
export function dueBy(schedule: SkillDue[], to: string, newLimit = NEW_SKILLS_PER_WEEK): SkillDue[] {
  let fresh = 0;
  return schedule.filter((entry) => {
    if (entry.due > to) return false;
    if (entry.last_score !== null) return true;
    return ++fresh <= newLimit;
  });
}
