import { addDaysIso, compareText } from "./dates.js";
import { ratingsBySkill } from "./history.js";
import { isScoredDrill, type StoredRecord } from "./record.js";

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
  /**
   * Why the skill is due sooner than its drill scores alone say ("rated 2 in the 1:1 of
   * 2026-11-20"); such an entry is never held back as one new skill too many.
   */
  pulled?: string;
}

/** A core (mindset) skill is in every rep's routine at least once in this many days. */
export const CORE_SKILL_DAYS = 14;
/** A 1:1 rating at or under this brings the skill's drill within LOW_RATING_DAYS of the session. */
export const LOW_SESSION_RATING = 2;
export const LOW_RATING_DAYS = 3;

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
    .filter(isScoredDrill)
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
 * last score first. Two things pull a skill forward: a 1:1 rating of LOW_SESSION_RATING
 * or less that no drill has scored since (due within LOW_RATING_DAYS of that session),
 * and the core skills (`coreSkills`), one of which is due within CORE_SKILL_DAYS of the
 * last core drill, or on `firstDue` when none was ever drilled: mindset is practised
 * from the first week, not after every stage skill.
 * Pure: `records` are one rep's, "today" is the caller's business.
 */
export function drillSchedule(
  records: StoredRecord[],
  skills: string[],
  firstDue: string,
  coreSkills: readonly string[] = [],
): SkillDue[] {
  const history = drillHistory(records);
  const lowRated = lowSessionRatings(records, history);
  const entries = skills.map((skill): SkillDue => {
    const scores = history.get(skill);
    const last = scores?.at(-1);
    const entry: SkillDue =
      !scores || !last
        ? { skill, due: firstDue, last_date: null, last_score: null, interval_days: null }
        : scheduledAfter(skill, scores, last);
    const low = lowRated.get(skill);
    return low
      ? pullForward(entry, addDaysIso(low.date, LOW_RATING_DAYS), `rated ${low.value} in the 1:1 of ${low.date}`)
      : entry;
  });
  const bySchedule = (a: SkillDue, b: SkillDue) =>
    compareText(a.due, b.due) ||
    (a.last_score ?? 0) - (b.last_score ?? 0) ||
    skills.indexOf(a.skill) - skills.indexOf(b.skill);
  const core = entries.filter((e) => coreSkills.includes(e.skill));
  const keeper = nextCoreDrill(core.sort(bySchedule), firstDue);
  if (keeper) entries[entries.indexOf(keeper.entry)] = keeper.pulled;
  return entries.sort(bySchedule);
}

/**
 * The core skill that keeps mindset in the routine, when one has to be pulled forward:
 * none ever drilled, the first (due `firstDue`); else, when no drilled core skill is due
 * within CORE_SKILL_DAYS of the last core drill, one never drilled (or the soonest due)
 * on that day.
 */
function nextCoreDrill(core: SkillDue[], firstDue: string): { entry: SkillDue; pulled: SkillDue } | undefined {
  const why = `a core skill is practised at least every ${CORE_SKILL_DAYS} days`;
  const drilled = core.filter((e) => e.last_date !== null);
  if (!drilled.length) return core[0] && { entry: core[0], pulled: pullForward(core[0], firstDue, why) };
  const lastCore = drilled
    .map((e) => e.last_date!)
    .sort(compareText)
    .at(-1)!;
  const deadline = addDaysIso(lastCore, CORE_SKILL_DAYS);
  if (compareText(drilled[0]!.due, deadline) <= 0) return undefined;
  const entry = core.find((e) => e.last_date === null) ?? drilled[0]!;
  return { entry, pulled: { ...entry, due: deadline, pulled: entry.pulled ?? why } };
}

function scheduledAfter(skill: string, scores: DrillScore[], last: DrillScore): SkillDue {
  const interval = nextIntervalDays(scores.map((s) => s.score));
  const due = addDaysIso(last.date, interval);
  return { skill, due, last_date: last.date, last_score: last.score, interval_days: interval };
}

function pullForward(entry: SkillDue, by: string, why: string): SkillDue {
  return { ...entry, due: compareText(by, entry.due) < 0 ? by : entry.due, pulled: why };
}

/**
 * Skills whose latest 1:1 rating is LOW_SESSION_RATING or less and that no drill has
 * scored on or after that session's day, with that rating.
 */
function lowSessionRatings(
  records: StoredRecord[],
  history: Map<string, DrillScore[]>,
): Map<string, { date: string; value: number }> {
  const low = new Map<string, { date: string; value: number }>();
  for (const [skill, ratings] of ratingsBySkill(records)) {
    const latest = ratings.at(-1);
    if (!latest || latest.value > LOW_SESSION_RATING) continue;
    const drilled = history.get(skill)?.at(-1)?.date;
    if (!drilled || compareText(drilled, latest.date) < 0) low.set(skill, latest);
  }
  return low;
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
    if (entry.last_score !== null || entry.pulled) return true;
    return ++fresh <= newLimit;
  });
}
