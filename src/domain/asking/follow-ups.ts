import { describeActionTiming, type TrackedAction } from "../history.js";
import { inline } from "../markdown.js";
import type { ActionStatus } from "../record.js";
import { WHEN_FORMS } from "../when.js";
import type { QuestionSpec } from "./spec.js";

/** What became of an earlier commitment, as the manager answers it. */
export const FOLLOW_UP_CHOICES = [
  { value: "done", name: "done" },
  { value: "tried", name: "tried: the attempt taught something (closes it)" },
  { value: "open", name: "not yet (keep it open)" },
  { value: "dropped", name: "dropped" },
];

/** A follow-up as answered: the status, and what an answers file or a person added to it. */
export interface FollowUpAnswer {
  status: ActionStatus;
  note?: string;
  /** A new due date for a commitment left open. */
  due?: string;
}

/**
 * The follow-up itself: its id is the action id, so `missing answers: k7m2qx` names it,
 * and an answers file gives it as `follow_ups: {k7m2qx: done}` or `{k7m2qx: {status: done}}`.
 */
export function followUpStatusSpec(tracked: TrackedAction, date: string): QuestionSpec {
  const { action } = tracked;
  return {
    id: action.id,
    key: "follow_ups",
    path: ["follow_ups", action.id, "status"],
    shortPath: ["follow_ups", action.id],
    type: "choice",
    prompt: `Follow up \`${action.id}\` ${inline(action.text)} (${action.owner}; ${describeActionTiming(tracked, date)}): what became of it?`,
    choices: FOLLOW_UP_CHOICES,
    required: true,
  };
}

/**
 * A remark on the follow-up. After `tried` it asks what the attempt taught, at a terminal
 * too (that lesson is the point of the attempt); otherwise only an answers file gives one,
 * so the flow stays short.
 */
export function followUpNoteSpec(actionId: string, status?: string): QuestionSpec {
  const spec: QuestionSpec = {
    id: `${actionId}_note`,
    key: "follow_ups",
    path: ["follow_ups", actionId, "note"],
    type: "text",
    prompt: "A note on it",
    required: false,
  };
  return status === "tried" ? { ...spec, prompt: "What did the attempt teach?" } : { ...spec, fileOnly: true };
}

/** "Not yet": by when now? The old due date is the default, so Enter keeps it. */
export function followUpDueSpec(tracked: TrackedAction): QuestionSpec {
  const { action } = tracked;
  return {
    id: `${action.id}_due`,
    key: "follow_ups",
    path: ["follow_ups", action.id, "due"],
    type: "date",
    prompt: `Not yet: by when now?`,
    help: `${WHEN_FORMS}; blank for no due date`,
    required: false,
    ...(action.due ? { default: action.due } : {}),
  };
}
