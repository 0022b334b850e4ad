import { join } from "node:path";
import type { Context } from "../context.js";
import type { StoredRecord } from "../domain/record.js";
import { followUpList, type SessionInput } from "../domain/session-record.js";
import { CoachError } from "../errors.js";
import { closeActionInRecord } from "../store/actions.js";
import { updateRecord } from "../store/records.js";

/**
 * Closes, in the records that made them, the commitments the session found done or
 * dropped, on the session's date (a back-dated session closes them on its own date).
 * Runs only once the session is saved as completed: a draft never closes anything.
 * Returns the files changed.
 */
export function applyFollowUps(root: string, session: SessionInput, ctx: Context): string[] {
  const changed: string[] = [];
  const failed: { id: string; command: string; why: string }[] = [];
  for (const followUp of followUpList(session)) {
    if (followUp.status === "open") continue;
    const tracked = session.followUps.find(({ action }) => action.id === followUp.action)!;
    try {
      const outcome = closeActionInRecord(root, tracked.path, followUp.action, followUp.status, session.date);
      if ("closed" in outcome) changed.push(join(root, tracked.path));
      else
        ctx.out.warn(
          `\`${followUp.action}\` was already ${outcome.alreadyClosed.status} on ${outcome.alreadyClosed.closed_on ?? "an earlier day"}; left as it is`,
        );
    } catch (error) {
      if (!(error instanceof CoachError)) throw error;
      failed.push({ id: followUp.action, command: followUp.status === "done" ? "done" : "drop", why: error.message });
    }
  }
  if (failed.length) {
    const what = failed.map((f) => `'${f.id}' (${f.why})`).join("; ");
    const retry = failed.map((f) => `\`coach actions ${f.command} ${f.id} --date ${session.date}\``).join(", ");
    throw new CoachError("follow_up_failed", `the session was saved, but could not close ${what}`, {
      hint: `fix the record, then run ${retry}`,
    });
  }
  return changed;
}

/** The plan the session followed is held: `status: completed` and `held_in` the session. */
export function markPlanHeld(root: string, plan: StoredRecord | undefined, sessionId: string, ctx: Context): string[] {
  if (!plan) return [];
  let held = false;
  updateRecord(root, plan.path, (current) => {
    if (current.record.status !== "planned") {
      ctx.out.warn(
        `plan ${current.record.id} was already held${typeof current.record.held_in === "string" ? ` in ${current.record.held_in}` : ""}; left as it is`,
      );
      return current;
    }
    held = true;
    return { record: { ...current.record, status: "completed", held_in: sessionId }, body: current.body };
  });
  return held ? [join(root, plan.path)] : [];
}
