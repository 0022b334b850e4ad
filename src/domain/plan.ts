import type { Config, Stage } from "./config.js";
import { compareText, daysBetween } from "./dates.js";
import { describeGoal, goalStages } from "./goal-focus.js";
import { GOALS_PLAN } from "./goals-first.js";
import { completedSessions, lastCoachedByStage, ratingsBySkill } from "./history.js";
import { isScoredDrill, type StoredRecord } from "./record.js";
import type { Rep } from "./rep.js";
import { days } from "./review-steps.js";
import type { LoadedTemplate, Template } from "./template.js";
import { appliesToStage } from "./template-terms.js";

export interface FocusChoice {
  stage: Stage;
  reason: string;
  /** What is worked on when it is not the stage itself (the rep's own goals in a first 1:1). */
  topic?: string;
}

/** A rating at or under this marks a skill as one to work on. */
const WEAK_RATING = 3;
/** How many recent ratings of a skill count as "recent". */
const RECENT = 3;

/**
 * The stage to coach next: the one asked for, else the rep's profile focus, else the stage
 * of an open goal (by its `stage` or `skills`; the one coached longest ago), else the
 * stage whose skills were rated weakest recently, else the one coached longest ago
 * (never coached first, in process order). Always says why.
 */
export function chooseFocus(config: Config, rep: Rep, records: StoredRecord[], requested?: string): FocusChoice {
  const byId = (id: string) => config.stages.find((s) => s.id === id);
  if (requested && byId(requested)) return { stage: byId(requested)!, reason: "chosen with --stage" };
  if (rep.focus_stage && byId(rep.focus_stage))
    return { stage: byId(rep.focus_stage)!, reason: `${rep.name}'s profile focus stage` };

  // The rep's own goals beat the tool's reading of ratings and process order; several take turns.
  const aimed = goalStages(config, rep.goals);
  if (aimed.length) {
    const coached = lastCoachedByStage(records);
    const when = (stage: Stage) => coached.get(stage.id) ?? "";
    const next = [...aimed].sort((a, b) => compareText(when(a.stage), when(b.stage)))[0]!;
    return { stage: next.stage, reason: `${rep.name}'s ${describeGoal(next.goal)} (${next.stage.name})` };
  }

  const ratings = ratingsBySkill(records);
  const scored = config.stages
    .map((stage) => {
      const recent = stage.skills.flatMap((skill) =>
        (ratings.get(skill) ?? []).slice(-RECENT).map((r) => ({ skill, ...r })),
      );
      const average = recent.length ? recent.reduce((sum, r) => sum + r.value, 0) / recent.length : undefined;
      return { stage, recent, average };
    })
    .filter((s): s is typeof s & { average: number } => s.average !== undefined && s.average <= WEAK_RATING)
    .sort((a, b) => a.average - b.average);
  const weakest = scored[0];
  if (weakest) {
    const latest = new Map(weakest.recent.map((r) => [r.skill, r.value]));
    const detail = [...latest].map(([skill, value]) => `${skill} ${value}`).join(", ");
    return {
      stage: weakest.stage,
      reason: `weakest recent ratings (${detail}; average ${weakest.average.toFixed(1)} of 5)`,
    };
  }

  const last = lastCoachedByStage(records);
  const never = config.stages.find((stage) => !last.has(stage.id));
  if (never)
    return {
      stage: never,
      reason: last.size ? "never coached yet, the first such stage in the process" : firstStageReason(config, rep),
    };
  const oldest = [...config.stages].sort((a, b) => compareText(last.get(a.id)!, last.get(b.id)!))[0]!;
  return { stage: oldest, reason: `coached longest ago (last on ${last.get(oldest.id)})` };
}

/**
 * What the manager should know before the 1:1: a rep past the cadence, no drill within
 * `cadence.drill_days`, and a run of sessions that were all one kind of coaching other
 * than training (performance reviews cannot stand alone).
 */
export function coachingWarnings(config: Config, rep: Rep, records: StoredRecord[], today: string): string[] {
  const warnings: string[] = [];
  const sessions = completedSessions(records);
  const every = config.cadence.one_on_one_days;
  const last = sessions.at(-1);
  if (last) {
    const since = daysBetween(last.date, today);
    if (since > every)
      warnings.push(
        `${rep.name} is past the cadence: last 1:1 on ${last.date}, ${since} days ago (every ${every} days); ${days(since - every)} overdue.`,
      );
  } else if (rep.added && daysBetween(rep.added, today) > every) {
    warnings.push(
      `No 1:1 with ${rep.name} recorded since they were added on ${rep.added} (cadence: every ${every} days).`,
    );
  }
  const drillWarning = drillCadenceWarning(config, rep, records, today);
  if (drillWarning) warnings.push(drillWarning);
  // Training is the kind most neglected: a run of it is never warned about.
  const recent = sessions.slice(-RECENT);
  const kind = recent[0]?.coaching_kind;
  if (recent.length === RECENT && kind && kind !== "training" && recent.every((s) => s.coaching_kind === kind)) {
    const advice =
      kind === "performance"
        ? "performance reviews cannot stand alone; practise a skill (training) or talk goals (advisor)"
        : "mix in another kind of coaching";
    warnings.push(`The last ${RECENT} sessions were all ${kind} coaching: ${advice}.`);
  }
  return warnings;
}

/** "Alex Kim has not drilled for 12 days ..." when the last drill (or the day they were added) is past `drill_days`. */
function drillCadenceWarning(config: Config, rep: Rep, records: StoredRecord[], today: string): string | undefined {
  const every = config.cadence.drill_days;
  const drills = records
    .map(({ record }) => record)
    .filter((r) => isScoredDrill(r) && r.date <= today)
    .map((r) => r.date)
    .sort(compareText);
  const last = drills.at(-1);
  const how = `\`coach drill ${rep.id}\``;
  if (last) {
    const since = daysBetween(last, today);
    if (since > every)
      return `${rep.name} has not drilled for ${since} days (last drill on ${last}; drills every ${every} days): practise with ${how}.`;
  } else if (rep.added && daysBetween(rep.added, today) > every) {
    return `No drill recorded for ${rep.name} since they were added on ${rep.added} (drills every ${every} days): start with ${how}.`;
  }
  return undefined;
}

/** The template of a kind for a stage: one written for that stage beats an `any` one. */
export function pickTemplate(
  templates: LoadedTemplate[],
  kind: Template["kind"],
  stage: string,
): LoadedTemplate | undefined {
  const candidates = templates.filter(({ template }) => template.kind === kind && appliesToStage(template, stage));
  const specific = candidates.filter(({ template }) => template.stages.includes(stage));
  const preferred = (list: LoadedTemplate[]) => list.find((t) => t.source !== "built-in") ?? list[0];
  // The self-check and the goals conversation are asked for by name, never a stage's fallback.
  const fallback = candidates.filter(({ template }) => ![SELF_CHECK_ID, GOALS_PLAN].includes(template.id));
  return preferred(specific) ?? preferred(fallback);
}

/** The manager's own pre-session check, asked before every plan when the template exists. */
export const SELF_CHECK_ID = "manager-self-check";

/** A rep with no sessions starts at the first stage: the plan says so, and how to pick another. */
function firstStageReason(config: Config, rep: Rep): string {
  const other = config.stages[1]?.id ?? config.stages[0]!.id;
  return `picked as the first stage of your process, since ${rep.name} has no sessions yet; pick another with \`coach plan ${rep.id} --stage ${other}\``;
}
