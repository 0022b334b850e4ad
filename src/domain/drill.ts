import { allSkills, type Config, stageOfSkill } from "./config.js";
import { compareText } from "./dates.js";
import type { StoredRecord } from "./record.js";
import type { Rep } from "./rep.js";
import { drillSchedule, type SkillDue } from "./schedule.js";
import type { LoadedTemplate, Round, Template } from "./template.js";
import { appliesToStage } from "./template-terms.js";

/** A pre-call warm-up lasts at most five minutes. */
export const WARM_UP_SECONDS = 300;
/** What a round without a timebox is counted as when fitting a warm-up. */
export const UNTIMED_ROUND_SECONDS = 60;

/**
 * Where a never-practised skill ranks against scored ones due the same day: after the
 * weak ones (1-2), before those already half there (3 and up).
 */
export const NEW_SKILL_RANK = 2.5;

export interface DrillFilter {
  stage?: string;
  skill?: string;
}

/** The skill a drill mostly trains: the one most of its rounds train (the first on a tie). */
export function mainSkill(template: Template): string {
  const counts = new Map<string, number>();
  for (const round of template.rounds ?? []) counts.set(round.skill, (counts.get(round.skill) ?? 0) + 1);
  let best = "";
  for (const [skill, count] of counts) if (count > (counts.get(best) ?? 0)) best = skill;
  return best;
}

function drillTemplates(templates: LoadedTemplate[], stage?: string): LoadedTemplate[] {
  return templates.filter(({ template }) => template.kind === "drill" && (!stage || appliesToStage(template, stage)));
}

/** Skills some drill (for the stage, if given) trains. */
export function trainedSkills(templates: LoadedTemplate[], stage?: string): Set<string> {
  return new Set(
    drillTemplates(templates, stage).flatMap(({ template }) => (template.rounds ?? []).map((r) => r.skill)),
  );
}

/**
 * The skills that can be drilled, in the order new ones are brought in: the rep's
 * focus stage first, then the process order, then the core (mindset, style) skills.
 * `--stage` narrows to that stage's skills (or, if no drill trains them, to the
 * skills of drills for any stage); `--skill` to that one skill.
 */
export function drillableSkills(config: Config, templates: LoadedTemplate[], filter: DrillFilter, rep?: Rep): string[] {
  const trained = trainedSkills(templates, filter.stage);
  if (filter.skill) return trained.has(filter.skill) ? [filter.skill] : [];
  if (filter.stage) {
    const ofStage = (config.stages.find((s) => s.id === filter.stage)?.skills ?? []).filter((skill) =>
      trained.has(skill),
    );
    return ofStage.length ? ofStage : allSkills(config).filter((skill) => trained.has(skill));
  }
  return skillOrder(config, rep).filter((skill) => trained.has(skill));
}

/** A stage skill that no drill trains yet: the routine names it, with how to add one. */
export interface SkillWithoutDrill {
  skill: string;
  stage: string;
}

/** The process's skills (narrowed by `--stage` or `--skill`) that no drill trains, in process order. */
export function skillsWithoutDrill(
  config: Config,
  templates: LoadedTemplate[],
  filter: DrillFilter,
): SkillWithoutDrill[] {
  const trained = trainedSkills(templates);
  return config.stages
    .filter((stage) => !filter.stage || stage.id === filter.stage)
    .flatMap((stage) => stage.skills.map((skill) => ({ skill, stage: stage.id })))
    .filter(({ skill }) => !trained.has(skill) && (!filter.skill || skill === filter.skill))
    .filter((entry, index, all) => all.findIndex((e) => e.skill === entry.skill) === index);
}

/** "add templates/drill/drill-<skill>.yaml ...": how to give a skill its drill. */
export function addDrillHint(skill: string): string {
  return (
    `add templates/drill/drill-${skill}.yaml with rounds whose skill is ${skill} ` +
    "(the shape: `coach templates show drill-opening-statement`), then `coach templates validate`"
  );
}

/** Every skill of the workspace, the rep's focus stage first, then the process order, then the core skills. */
export function skillOrder(config: Config, rep?: Pick<Rep, "focus_stage">): string[] {
  const focus = config.stages.find((s) => s.id === rep?.focus_stage)?.skills ?? [];
  return [...new Set([...focus, ...allSkills(config)])];
}

/**
 * The drill for a skill: one whose main skill it is beats one that only has a round
 * of it, a drill written for the stage beats an `any` one, a workspace drill beats a
 * built-in, then the one with the most rounds of the skill.
 */
export function drillForSkill(templates: LoadedTemplate[], skill: string, stage?: string): LoadedTemplate | undefined {
  const rank = ({ template, source }: LoadedTemplate) => [
    mainSkill(template) === skill ? 0 : 1,
    stage && template.stages.includes(stage) ? 0 : 1,
    source === "built-in" ? 1 : 0,
    -(template.rounds ?? []).filter((r) => r.skill === skill).length,
  ];
  const candidates = drillTemplates(templates, stage).filter(({ template }) =>
    (template.rounds ?? []).some((r) => r.skill === skill),
  );
  return candidates.sort((a, b) => compareTuples(rank(a), rank(b)))[0];
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export interface RepHistory {
  rep: Rep;
  records: StoredRecord[];
}

export interface SkillChoice {
  skill: string;
  /** Why this skill, for the person: "most overdue: last scored 2 on 2026-11-18, due 2026-11-21". */
  reason: string;
}

/**
 * The skill to drill now: for one rep, the top of their schedule (most overdue, the
 * weaker one among equals, a skill never practised counting as NEW_SKILL_RANK); for a
 * clinic, the skill due earliest for any of the reps, then the one due for the most
 * reps, then the lowest last score.
 */
export function chooseSkill(
  config: Config,
  templates: LoadedTemplate[],
  reps: RepHistory[],
  filter: DrillFilter,
  date: string,
): SkillChoice | undefined {
  const skills = drillableSkills(config, templates, filter, reps.length === 1 ? reps[0]!.rep : undefined);
  const schedules = reps.map(({ rep, records }) => ({
    rep,
    schedule: drillSchedule(records, skills, date, config.core_skills),
  }));
  const ranked = skills
    .map((skill) => {
      const entries = schedules.map(({ rep, schedule }) => ({ rep, entry: schedule.find((e) => e.skill === skill)! }));
      const earliest = entries.map((e) => e.entry.due).sort()[0]!;
      const dueCount = entries.filter((e) => e.entry.due <= date).length;
      const lowest = Math.min(...entries.map((e) => e.entry.last_score ?? NEW_SKILL_RANK));
      return { skill, entries, earliest, dueCount, lowest };
    })
    .sort(
      (a, b) =>
        compareText(a.earliest, b.earliest) ||
        b.dueCount - a.dueCount ||
        a.lowest - b.lowest ||
        skills.indexOf(a.skill) - skills.indexOf(b.skill),
    );
  const top = ranked[0];
  if (!top) return undefined;
  if (top.entries.every(({ entry }) => entry.last_score === null)) {
    const who = reps.length > 1 ? "by any of them" : "";
    return {
      skill: top.skill,
      reason: `${top.skill} is due: not practised ${who ? `${who} ` : ""}yet, and next in ${filter.stage ? `the ${filter.stage} stage` : "the process order"}`,
    };
  }
  const detail = top.entries.map(({ rep, entry }) =>
    reps.length > 1 ? `${rep.id}: ${describeDue(entry, date)}` : describeDue(entry, date),
  );
  return {
    skill: top.skill,
    reason: `${top.skill} is ${reps.length > 1 ? "the most overdue across the reps" : "the most overdue skill"} (${detail.join("; ")})`,
  };
}

/** "last scored 2 on 2026-11-18, due 2026-11-21 (1 day overdue)" or "never practised". */
export function describeDue(entry: SkillDue, date: string): string {
  if (entry.last_score === null) return "never practised";
  const when = entry.due < date ? `was due ${entry.due}` : entry.due === date ? "due today" : `due ${entry.due}`;
  return `last scored ${entry.last_score} on ${entry.last_date}, ${when}`;
}

/**
 * The rounds of a pre-call warm-up: in order, each that still fits in five minutes
 * (an untimed round counts as a minute). At least the first round, cut to five minutes.
 */
export function warmUpRounds(rounds: Round[]): Round[] {
  const picked: Round[] = [];
  let total = 0;
  for (const round of rounds) {
    const seconds = round.timebox ?? UNTIMED_ROUND_SECONDS;
    if (total + seconds > WARM_UP_SECONDS) continue;
    picked.push(round);
    total += seconds;
  }
  if (picked.length) return picked;
  const first = rounds[0]!;
  return [{ ...first, timebox: Math.min(first.timebox ?? WARM_UP_SECONDS, WARM_UP_SECONDS) }];
}

/** The stage a drill record is filed under: the one asked for, the drill's own, or the skill's. */
export function drillStage(config: Config, template: Template, skill: string, requested?: string): string | null {
  if (requested) return requested;
  const specific = template.stages.filter((s) => s !== "any");
  if (specific.length === 1) return specific[0]!;
  return stageOfSkill(config, skill)?.id ?? null;
}
