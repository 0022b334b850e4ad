import { resolve } from "node:path";
import type { Context } from "../context.js";
import { type ActionPlanInput, renderActionPlan, type SkillStanding } from "../domain/action-plan.js";
import { drillableSkills } from "../domain/drill.js";
import type { Goal } from "../domain/goals.js";
import { allActions, ratingsBySkill } from "../domain/history.js";
import type { Rep } from "../domain/rep.js";
import { drillSchedule } from "../domain/schedule.js";
import { writeUserFile } from "../store/files.js";
import { readRecords } from "../store/records.js";
import { loadTemplates } from "../store/templates.js";
import type { Workspace } from "../store/workspace.js";

/**
 * `coach actions <rep> --format md [--out FILE]`: the rep's action plan as a page to hand
 * them. Printed, or written atomically to FILE (owner-only, like every file coach writes).
 */
export async function writeActionPlan(
  workspace: Workspace,
  rep: Rep,
  out: string | undefined,
  ctx: Context,
): Promise<void> {
  const { records, skipped } = await readRecords(workspace.root, rep.id);
  ctx.out.skippedRecords(skipped);
  const { config } = workspace;
  const ratings = ratingsBySkill(records);
  const drillable = drillableSkills(config, await loadTemplates(workspace.root, config), {}, rep);
  const schedule = new Map(
    drillSchedule(records, drillable, ctx.today, config.core_skills).map((entry) => [entry.skill, entry]),
  );
  const standing = (skill: string): SkillStanding => {
    const rating = ratings.get(skill)?.at(-1);
    const next = schedule.get(skill);
    return {
      skill,
      ...(rating ? { rating } : {}),
      ...(next ? { nextDrill: { due: next.due, drilled: next.last_date !== null } } : {}),
    };
  };
  const skillsOf = (goal: Goal): string[] =>
    goal.skills?.length ? goal.skills : (config.stages.find((s) => s.id === goal.stage)?.skills ?? []);
  const input: ActionPlanInput = { rep, today: ctx.today, actions: allActions(records), skillsOf, standing };
  const text = renderActionPlan(input);
  if (!out) {
    ctx.out.data(text.trimEnd());
    return;
  }
  const file = resolve(ctx.cwd, out);
  writeUserFile(file, text, workspace.root);
  if (ctx.out.json) ctx.out.printJson({ written: [file], id: rep.id });
  else ctx.out.info(`Action plan for ${rep.name} written to ${file}`);
}
