import { addDaysIso } from "./dates.js";
import type { StoredRecord } from "./record.js";

/**
 * Days until a skill comes back after a drill, by its score: weak skills return
 * within days, strong ones in weeks (spaced repetition).
 */
export const DRILL_INTERVAL_DAYS: Record<number, number> = { 1: 2, 2: 3, 3: 7, 4: 14, 5: 28 };

export interface SkillDue {
  skill: string;
  /** YYYY-MM-DD; a skill never drilled is due on `firstDue`. */
  due: string;
  last_date: string | null;
  last_score: number | null;
}

/** Each drilled skill's latest score (rounds of that skill averaged, rounded) and its date. */
export function latestDrillScores(records: StoredRecord[]): Map<string, { date: string; score: number }> {
  const latest = new Map<string, { date: string; score: number }>();
  const drills = records
    .map(({ record }) => record)
    .filter((r) => r.type === "drill" && r.status === "completed")
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const drill of drills) {
    const bySkill = new Map<string, number[]>();
    for (const round of drill.rounds ?? []) {
      const skill = round.skill ?? drill.skill;
      if (!skill) continue;
      bySkill.set(skill, [...(bySkill.get(skill) ?? []), round.score]);
    }
    for (const [skill, scores] of bySkill) {
      latest.set(skill, { date: drill.date, score: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) });
    }
  }
  return latest;
}

/**
 * When each skill is next due for practice, soonest first; among equals, the lower
 * last score first. Pure: `records` are one rep's, "today" is the caller's business.
 */
export function drillSchedule(records: StoredRecord[], skills: string[], firstDue: string): SkillDue[] {
  const latest = latestDrillScores(records);
  return skills
    .map((skill): SkillDue => {
      const last = latest.get(skill);
      if (!last) return { skill, due: firstDue, last_date: null, last_score: null };
      return { skill, due: addDaysIso(last.date, DRILL_INTERVAL_DAYS[last.score] ?? 7), last_date: last.date, last_score: last.score };
    })
    .sort((a, b) => a.due.localeCompare(b.due) || (a.last_score ?? 0) - (b.last_score ?? 0) || skills.indexOf(a.skill) - skills.indexOf(b.skill));
}
