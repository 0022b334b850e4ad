import type { Config, Stage } from "./config.js";
import { type Goal, openGoals } from "./goals.js";
import { inline } from "./markdown.js";

/**
 * The stage a goal is worked on at: its own `stage`, else the first stage (in process
 * order) that practises one of its skills. A goal about a core skill only, or with
 * neither, has no stage.
 */
export function stageOfGoal(config: Config, goal: Goal): Stage | undefined {
  const own = goal.stage ? config.stages.find((s) => s.id === goal.stage) : undefined;
  if (own) return own;
  return config.stages.find((stage) => (goal.skills ?? []).some((skill) => stage.skills.includes(skill)));
}

/** Whether a goal is about the mindset: one of its skills is a core skill. */
export function isMindsetGoal(config: Config, goal: Goal): boolean {
  return (goal.skills ?? []).some((skill) => config.core_skills.includes(skill));
}

/** "goal g1 'Run discovery alone'", as a reason names it. */
export function describeGoal(goal: Goal): string {
  return `goal ${goal.id} '${inline(goal.text)}'`;
}

/**
 * The open goals that point at a stage, each with it, in the order the rep set them:
 * what `chooseFocus` weighs before process order.
 */
export function goalStages(config: Config, goals: readonly Goal[]): { goal: Goal; stage: Stage }[] {
  return openGoals(goals).flatMap((goal) => {
    const stage = stageOfGoal(config, goal);
    return stage ? [{ goal, stage }] : [];
  });
}
