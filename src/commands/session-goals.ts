import { join } from "node:path";
import { newAction, uniqueActionId } from "../domain/actions.js";
import { goalToYaml } from "../domain/goals.js";
import { isGoalsConversation, profileFromGoalsAnswers, revisitText } from "../domain/goals-first.js";
import type { Rep } from "../domain/rep.js";
import type { SessionInput } from "../domain/session-record.js";
import { randomId } from "../store/records.js";
import { editRepProfile } from "../store/rep-edit.js";
import { repDir } from "../store/reps.js";
import type { Workspace } from "../store/workspace.js";
import { materializeGoals } from "./rep-goals.js";

/** The goals conversation's questions whose date is a commitment's due date (never before the session). */
export function dueDateQuestions(session: Pick<SessionInput, "template">): string[] {
  return isGoalsConversation(session.template) ? ["revisit"] : [];
}

/**
 * The goals conversation's `revisit` date becomes the manager's commitment to come back
 * to the rep's goals that day (once, also when a draft is resumed).
 */
export function addRevisitCommitment(session: SessionInput, taken: Set<string>): void {
  if (!isGoalsConversation(session.template)) return;
  const { revisit } = profileFromGoalsAnswers(session.rep, session.answers, session.date);
  const text = revisitText(session.rep);
  if (!revisit || session.actions.some((action) => action.text === text)) return;
  session.actions.push(
    newAction(
      uniqueActionId(taken, () => randomId(6)),
      text,
      "manager",
      revisit,
    ),
  );
}

/**
 * The rep as their commitments are asked about: in the goals conversation, with the goals
 * just set, so a first step can name the goal it serves (the ids they get in rep.yaml).
 */
export function repWithNewGoals(session: SessionInput): Rep {
  if (!isGoalsConversation(session.template)) return session.rep;
  const { goals } = profileFromGoalsAnswers(session.rep, session.answers, session.date);
  return { ...session.rep, goals: [...session.rep.goals, ...goals] };
}

/**
 * Writes what the goals conversation found into rep.yaml: the new goals (with ids, open,
 * added that day) and strengths, read against the profile as it is under the lock.
 * Returns the file written, if anything changed.
 */
export function saveGoalsToProfile(workspace: Workspace, session: SessionInput): string[] {
  if (!isGoalsConversation(session.template)) return [];
  let changed = false;
  editRepProfile(workspace, session.rep.id, (profile, current) => {
    const found = profileFromGoalsAnswers(current, session.answers, session.date);
    if (found.goals.length) {
      materializeGoals(profile, current.goals);
      for (const [n, goal] of found.goals.entries()) profile.setGoal(current.goals.length + n, goalToYaml(goal));
    }
    if (found.strengths.length) profile.set("strengths", [...(current.strengths ?? []), ...found.strengths]);
    changed = found.goals.length > 0 || found.strengths.length > 0;
  });
  return changed ? [join(repDir(workspace.root, session.rep.id), "rep.yaml")] : [];
}
