import { newAction, uniqueActionId } from "../domain/actions.js";
import { commitmentSpecs, NO_GOAL } from "../domain/asking/commitments.js";
import { promptIdOf, type QuestionSpec } from "../domain/asking/spec.js";
import { openGoals } from "../domain/goals.js";
import type { Action, Owner } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { PendingText } from "../domain/session-record.js";
import { randomId } from "../store/records.js";
import type { Asker } from "../ui/ask.js";

const newId = () => randomId(6);

export interface CommitmentAsking {
  rep: Rep;
  taken: Set<string>;
  /** Commitments made so far (a resumed draft's); each new one is added as soon as it is complete. */
  actions: Action[];
  /** Half-typed text saved by an earlier Ctrl-C, offered again. */
  pending?: PendingText;
}

/**
 * "Add a commitment?" until the answer is no: what, who owns it, by when. An answers
 * file's `actions` list answers it item by item (its end is the no); a person answers the
 * rest; without either, no commitment is made. Due dates are read from the session's day.
 */
export async function askCommitments(asker: Asker, state: CommitmentAsking): Promise<void> {
  const { actions, pending } = state;
  const fromDraft = actions.length;
  const offered = (spec: QuestionSpec): QuestionSpec =>
    pending?.question === promptIdOf(spec) ? { ...spec, default: pending.text } : spec;
  for (let n = fromDraft + 1; ; n++) {
    const goals = openGoals(state.rep.goals);
    const specs = commitmentSpecs(n, n - 1 - fromDraft, state.rep.name, actions.length === 0, goals);
    if ((await asker.ask(specs.more)) !== true) return;
    const text = await asker.ask(offered(specs.text));
    const owner = (await asker.ask(specs.owner)) as Owner | undefined;
    const due = await asker.ask(offered(specs.due));
    // Without open goals nobody is asked, but a goal an answers file names is still checked.
    const goal = goals.length || asker.given(specs.goal) ? await asker.ask(specs.goal) : undefined;
    if (typeof text !== "string") continue;
    const id = uniqueActionId(state.taken, newId);
    const serves = typeof goal === "string" && goal !== NO_GOAL ? goal : undefined;
    actions.push(newAction(id, text, owner ?? "rep", typeof due === "string" ? due : null, serves));
  }
}
