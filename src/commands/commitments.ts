import { newAction, uniqueActionId } from "../domain/actions.js";
import type { Action, Owner } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { PendingText } from "../domain/session-record.js";
import { parseDue, WHEN_FORMS } from "../domain/when.js";
import type { AnswersFile } from "../store/answers.js";
import { randomId } from "../store/records.js";
import type { Prompter } from "../ui/prompter.js";
import { dueOrFail } from "./actions.js";

const newId = () => randomId(6);

/** New commitments from an answers file (`actions: [{text, due?, owner?}]`); a bad due date is an exit-2 error. */
export function commitmentsFromFile(
  list: NonNullable<AnswersFile["actions"]>,
  date: string,
  taken: Set<string>,
  source: string,
): Action[] {
  return list.map((item, index) => {
    const due = item.due ? dueOrFail(item.due, date, `${source}: actions[${index}].due`) : null;
    return newAction(uniqueActionId(taken, newId), item.text.trim(), item.owner ?? "rep", due);
  });
}

export interface CommitmentAsking {
  rep: Rep;
  /** The session's date: `friday` is the Friday after it. */
  date: string;
  taken: Set<string>;
  /** Commitments made so far; each new one is added as soon as it is complete. */
  actions: Action[];
  /** Half-typed text saved by an earlier Ctrl-C, offered again. */
  pending?: PendingText;
  /** The id of the prompt open now, so a Ctrl-C can say which text was half-typed. */
  asking?: string;
}

/**
 * "Add a commitment?" until the manager says no: what, who owns it, by when. Ids are
 * numbered (`action_2_due`) so a scripted run answers each one. A due date that is not
 * one of the WHEN forms is asked again with the forms listed.
 */
export async function askCommitments(prompter: Prompter, state: CommitmentAsking): Promise<void> {
  const { actions, date } = state;
  for (let n = actions.length + 1; ; n++) {
    const ask = <T>(id: string, show: (id: string) => Promise<T>): Promise<T> => {
      state.asking = id;
      return show(id);
    };
    const offered = (id: string) => (state.pending?.question === id ? state.pending.text : undefined);
    const more = await ask(`add_action_${n}`, (id) =>
      prompter.confirm({
        id,
        message: actions.length
          ? "Add another commitment?"
          : "Add a commitment (what will be done, who owns it, by when)?",
        default: actions.length === 0,
      }),
    );
    if (!more) break;
    const text = await ask(`action_${n}_text`, (id) =>
      prompter.input({
        id,
        message: "What will be done?",
        default: offered(id),
        validate: (value) => (value.trim() ? true : "say what will be done"),
      }),
    );
    const owner = (await ask(`action_${n}_owner`, (id) =>
      prompter.select({
        id,
        message: "Who owns it?",
        choices: [
          { value: "rep", name: `${state.rep.name} (rep)` },
          { value: "manager", name: "you (manager)" },
        ],
        default: "rep",
      }),
    )) as Owner;
    const dueText = await ask(`action_${n}_due`, (id) =>
      prompter.input({
        id,
        message: "Due by when?",
        help: `${WHEN_FORMS}; blank for no due date`,
        default: offered(id) ?? "",
        validate: (value) =>
          value.trim() === "" || parseDue(value, date) ? true : `not a date I know; use one of: ${WHEN_FORMS}`,
      }),
    );
    actions.push(
      newAction(
        uniqueActionId(state.taken, newId),
        text.trim(),
        owner,
        dueText.trim() ? parseDue(dueText, date)! : null,
      ),
    );
  }
  state.asking = undefined;
}
