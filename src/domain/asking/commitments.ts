import type { Goal } from "../goals.js";
import { inline } from "../markdown.js";
import { WHEN_FORMS } from "../when.js";
import type { QuestionSpec } from "./spec.js";

/** The four questions of the n-th new commitment (1-based), answered from `actions[index]` of a file. */
export interface CommitmentSpecs {
  more: QuestionSpec;
  text: QuestionSpec;
  owner: QuestionSpec;
  due: QuestionSpec;
  /** Which of the rep's open goals it serves (a person is asked only when the rep has one). */
  goal: QuestionSpec;
}

/** The answer to "which goal does it serve?" that names none. */
export const NO_GOAL = "none";

/**
 * "Add a commitment?", then what, who owns it, by when. Prompt ids are numbered
 * (`action_2_due`) so a person's answers can be told apart; in an answers file the list
 * `actions` answers them, and its end answers "add another?" with no.
 */
export function commitmentSpecs(
  n: number,
  index: number,
  repName: string,
  first: boolean,
  goals: readonly Goal[] = [],
): CommitmentSpecs {
  const at = (field?: string) => (field ? ["actions", index, field] : ["actions", index]);
  return {
    goal: {
      id: `action_${n}_goal`,
      key: "actions",
      path: at("goal"),
      type: "choice",
      prompt: `Which of ${repName}'s goals does it serve?`,
      choices: [
        { value: NO_GOAL, name: "none of them" },
        ...goals.map((g) => ({ value: g.id, name: `${g.id}: ${inline(g.text)}` })),
      ],
      default: NO_GOAL,
      required: false,
    },
    more: {
      id: `add_action_${n}`,
      key: "actions",
      path: at(),
      type: "confirm",
      prompt: first ? "Add a commitment (what will be done, who owns it, by when)?" : "Add another commitment?",
      default: first,
      required: false,
      presence: true,
    },
    text: {
      id: `action_${n}_text`,
      key: "actions",
      path: at("text"),
      type: "text",
      prompt: "What will be done?",
      required: true,
    },
    owner: {
      id: `action_${n}_owner`,
      key: "actions",
      path: at("owner"),
      type: "choice",
      prompt: "Who owns it?",
      choices: [
        { value: "rep", name: `${repName} (rep)` },
        { value: "manager", name: "you (manager)" },
      ],
      default: "rep",
      required: true,
    },
    due: {
      id: `action_${n}_due`,
      key: "actions",
      path: at("due"),
      type: "date",
      dueDate: true,
      prompt: "Due by when?",
      help: `${WHEN_FORMS}; blank for no due date`,
      required: false,
    },
  };
}
