import { type Goal, nextGoalId, openGoals } from "./goals.js";
import { completedSessions } from "./history.js";
import type { Answers } from "./questions.js";
import type { StoredRecord } from "./record.js";
import type { Rep } from "./rep.js";
import type { Template } from "./template.js";

/** The session that holds the goals conversation, and the plan that prepares it. */
export const GOALS_SESSION = "session-career";
export const GOALS_PLAN = "plan-goals";
export const GOALS_FIRST_REASON = "first 1:1: start from the rep's own goals";

/** Whether a session template is the goals conversation. */
export function isGoalsConversation(template: Pick<Template, "id">): boolean {
  return template.id === GOALS_SESSION;
}

/** The slug a goals conversation's record id carries where a stage's id would be. */
export const GOALS_SLUG = "goals";

/**
 * Coaching starts from the rep's own aspirations: a rep never coached and with no open
 * goal has the goals conversation before any stage is worked on.
 */
export function goalsConversationDue(rep: Rep, records: StoredRecord[]): boolean {
  return completedSessions(records).length === 0 && openGoals(rep.goals).length === 0;
}

/** What a goals conversation adds to the profile: new goals, new strengths, and when to come back to them. */
export interface ProfileFromGoals {
  goals: Goal[];
  strengths: string[];
  revisit?: string;
}

/**
 * Reads the `goals` (list), `strengths` (list) and `revisit` (date) answers: goals and
 * strengths the profile already holds (same text, any case) are not added twice.
 */
export function profileFromGoalsAnswers(rep: Rep, answers: Answers, date: string): ProfileFromGoals {
  const known = (list: readonly string[]) => new Set(list.map((text) => text.trim().toLowerCase()));
  const listOf = (value: unknown): string[] =>
    (Array.isArray(value) ? value : typeof value === "string" ? value.split(/[;\n]/) : [])
      .map((item) => String(item).trim())
      .filter(Boolean);
  const heldGoals = known(rep.goals.map((goal) => goal.text));
  const goals: Goal[] = [];
  for (const text of listOf(answers.goals)) {
    if (heldGoals.has(text.toLowerCase())) continue;
    heldGoals.add(text.toLowerCase());
    goals.push({ id: nextGoalId([...rep.goals, ...goals]), text, status: "open", added: date });
  }
  const heldStrengths = known(rep.strengths ?? []);
  const strengths = listOf(answers.strengths).filter((text) => {
    const fresh = !heldStrengths.has(text.toLowerCase());
    heldStrengths.add(text.toLowerCase());
    return fresh;
  });
  const revisit = typeof answers.revisit === "string" && answers.revisit ? answers.revisit : undefined;
  return { goals, strengths, ...(revisit ? { revisit } : {}) };
}

/** The manager's commitment a revisit date becomes. */
export function revisitText(rep: Pick<Rep, "name">): string {
  return `Revisit ${rep.name}'s goals`;
}
