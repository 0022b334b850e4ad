import type { Config } from "./config.js";
import { addDaysIso, compareText } from "./dates.js";
import {
  type DrillFilter,
  drillableSkills,
  drillForSkill,
  NEW_SKILL_RANK,
  type RepHistory,
  type SkillWithoutDrill,
  skillsWithoutDrill,
} from "./drill.js";
import { drillSchedule, dueBy, newSkillAllowance } from "./schedule.js";
import type { LoadedTemplate } from "./template.js";

/** One skill due for one rep in the week (`coach drill --week --json` items). */
export interface WeekItem {
  rep: string;
  skill: string;
  /** The drill that trains it; null if no drill does. */
  template: string | null;
  /** YYYY-MM-DD; an overdue skill keeps its original due date, before `from`. */
  due: string;
  last_score: number | null;
  /** Why it is due sooner than its drill scores say: "rated 2 in the 1:1 of 2026-11-20", a core skill's turn. */
  why?: string;
}

/** One clinic for the sales meeting: a drill and the reps for whom its skills are due. */
export interface MeetingSlot {
  template: string;
  skills: string[];
  reps: { rep: string; skill: string; due: string; last_score: number | null }[];
  /** The weakest last score among those reps; null when none has practised it yet. */
  lowest_score: number | null;
}

export interface WeekRoutine {
  from: string;
  to: string;
  items: WeekItem[];
  /** The suggested order for the team's sales meeting. */
  meeting: MeetingSlot[];
  /** Per rep, skills never practised that wait for a later week. */
  waiting: Record<string, number>;
  /** Stage skills no drill trains yet, so they cannot be in the routine. */
  no_drill: SkillWithoutDrill[];
}

const rank = (score: number | null) => score ?? NEW_SKILL_RANK;

/**
 * The week's practice routine, `from` to `from + 6` days: each rep's skills due by then
 * (overdue ones included, with their own due date; at most NEW_SKILLS_PER_WEEK new
 * ones), sorted by due date. The meeting order groups them into clinics, the weakest
 * first, then the drill due for the most reps, then the one due earliest.
 */
export function weekRoutine(
  config: Config,
  templates: LoadedTemplate[],
  reps: RepHistory[],
  filter: DrillFilter,
  from: string,
): WeekRoutine {
  const to = addDaysIso(from, 6);
  const items: WeekItem[] = [];
  const waiting: Record<string, number> = {};
  for (const { rep, records } of reps) {
    const schedule = drillSchedule(records, drillableSkills(config, templates, filter, rep), from, config.core_skills);
    const due = dueBy(schedule, to, newSkillAllowance(records, from));
    waiting[rep.id] =
      schedule.filter((e) => e.last_score === null).length - due.filter((e) => e.last_score === null).length;
    for (const entry of due) {
      items.push({
        rep: rep.id,
        skill: entry.skill,
        template: drillForSkill(templates, entry.skill, filter.stage)?.template.id ?? null,
        due: entry.due,
        last_score: entry.last_score,
        ...(entry.pulled ? { why: entry.pulled } : {}),
      });
    }
  }
  items.sort(
    (a, b) =>
      compareText(a.due, b.due) ||
      rank(a.last_score) - rank(b.last_score) ||
      compareText(a.rep, b.rep) ||
      compareText(a.skill, b.skill),
  );
  const noDrill = skillsWithoutDrill(config, templates, filter);
  return { from, to, items, meeting: meetingOrder(items), waiting, no_drill: noDrill };
}

function meetingOrder(items: WeekItem[]): MeetingSlot[] {
  const byTemplate = new Map<string, WeekItem[]>();
  for (const item of items)
    if (item.template) byTemplate.set(item.template, [...(byTemplate.get(item.template) ?? []), item]);
  return [...byTemplate]
    .map(([template, list]) => {
      const scores = list.map((i) => i.last_score).filter((s): s is number => s !== null);
      return {
        slot: {
          template,
          skills: [...new Set(list.map((i) => i.skill))],
          reps: list.map(({ rep, skill, due, last_score }) => ({ rep, skill, due, last_score })),
          lowest_score: scores.length ? Math.min(...scores) : null,
        },
        weakest: Math.min(...list.map((i) => rank(i.last_score))),
        repCount: new Set(list.map((i) => i.rep)).size,
        earliest: list[0]!.due,
      };
    })
    .sort(
      (a, b) =>
        a.weakest - b.weakest ||
        b.repCount - a.repCount ||
        compareText(a.earliest, b.earliest) ||
        compareText(a.slot.template, b.slot.template),
    )
    .map(({ slot }) => slot);
}
