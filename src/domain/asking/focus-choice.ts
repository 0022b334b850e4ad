import type { Config, Stage } from "../config.js";
import { describeGoal, isMindsetGoal, stageOfGoal } from "../goal-focus.js";
import { type Goal, openGoals } from "../goals.js";
import { inline } from "../markdown.js";
import type { QuestionSpec } from "./spec.js";

export const KEEP_FOCUS = "keep";
/** The session a core skill (self-talk, purpose...) is worked on in. */
export const MINDSET_SESSION = "session-mindset";

/** Who decided what a session works on: the tool's suggestion kept, the manager's flags or plan, or the rep. */
export type FocusChosenBy = "tool" | "manager" | "rep";

/**
 * "What do you want to work on?", asked after the suggested focus and its reason:
 * keep it, or name one of the rep's open goals, a stage or a skill.
 */
export function focusChoiceSpec(config: Config, suggested: string, goals: readonly Goal[] = []): QuestionSpec {
  const stageSkills = config.stages.flatMap((s) => s.skills);
  const skills = [...new Set([...stageSkills, ...config.core_skills])].filter(
    (skill) => !config.stages.some((s) => s.id === skill),
  );
  const taken = new Set([...config.stages.map((s) => s.id), ...skills]);
  const ownGoals = openGoals(goals).filter((goal) => !taken.has(goal.id));
  return {
    id: "focus_choice",
    key: "focus_choice",
    path: ["focus_choice"],
    type: "choice",
    prompt: `What does the rep want to work on? (suggested: ${suggested})`,
    help: ownGoals.length
      ? "keep the suggestion, or pick a goal, a stage or a skill"
      : "keep the suggestion, or pick a stage or a skill",
    choices: [
      { value: KEEP_FOCUS, name: `keep: ${suggested}` },
      ...ownGoals.map((goal) => ({ value: goal.id, name: `goal: ${inline(goal.text)}` })),
      ...config.stages.map((s) => ({ value: s.id, name: `stage: ${s.name}` })),
      ...skills.map((skill) => ({ value: skill, name: `skill: ${skill}` })),
    ],
    default: KEEP_FOCUS,
    required: true,
  };
}

/** What a focus choice leads to: the stage whose session is held, or the mindset session for a core skill. */
export type FocusDecision = { chosenBy: "tool" } | { chosenBy: "rep"; stage: Stage; template?: string; why: string };

export function decideFocus(
  config: Config,
  choice: string,
  suggested: Stage,
  goals: readonly Goal[] = [],
): FocusDecision {
  if (choice === KEEP_FOCUS) return { chosenBy: "tool" };
  const stage = config.stages.find((s) => s.id === choice);
  if (stage) return { chosenBy: "rep", stage, why: `the rep chose ${stage.name}` };
  const practisedAt = config.stages.find((s) => s.skills.includes(choice));
  if (practisedAt) return { chosenBy: "rep", stage: practisedAt, why: `the rep chose ${choice} (${practisedAt.name})` };
  const goal = openGoals(goals).find((g) => g.id === choice);
  if (goal) return goalDecision(config, goal, suggested);
  // A core skill belongs to no stage: the mindset session works on it, at the suggested stage.
  return { chosenBy: "rep", stage: suggested, template: MINDSET_SESSION, why: `the rep chose ${choice}` };
}

/** A goal is worked on at its stage; a goal about the mindset in the mindset session. */
function goalDecision(config: Config, goal: Goal, suggested: Stage): FocusDecision {
  const why = `the rep chose ${describeGoal(goal)}`;
  const stage = stageOfGoal(config, goal);
  if (stage) return { chosenBy: "rep", stage, why: `${why} (${stage.name})` };
  if (isMindsetGoal(config, goal)) return { chosenBy: "rep", stage: suggested, template: MINDSET_SESSION, why };
  return { chosenBy: "rep", stage: suggested, why: `${why} (${suggested.name})` };
}
