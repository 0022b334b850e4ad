import { join } from "node:path";
import type { Context } from "../context.js";
import { markHeldInPlanText } from "../domain/actions.js";
import { actionEvents, closingEvent } from "../domain/closing.js";
import type { StoredRecord } from "../domain/record.js";
import { followUpList, type SessionInput } from "../domain/session-record.js";
import { tickRecord } from "../store/actions.js";
import { editRecordIfFree } from "../store/record-edit.js";
import { readRecords } from "../store/records.js";

/**
 * What a completed session's follow-ups changed. They took effect when the session was
 * saved: its `follow_ups` are the events that close the earlier commitments, on the
 * session's date, in the same atomic write as the session (a crash leaves either no
 * completed session or one whose follow-ups count). What is left is convenience:
 * ticking the records that made the commitments (best effort), and saying which were
 * closed by someone else first. Returns the files ticked.
 */
export async function applyFollowUps(root: string, session: SessionInput, ctx: Context): Promise<string[]> {
  const closes = followUpList(session).filter((followUp) => followUp.status !== "open");
  if (!closes.length) return [];
  const records = (await readRecords(root, session.rep.id)).records;
  const events = actionEvents(records);
  const paths = new Set<string>();
  for (const followUp of closes) {
    const tracked = session.followUps.find(({ action }) => action.id === followUp.action);
    const made = tracked && records.find(({ path }) => path === tracked.path);
    if (!tracked || !made) continue;
    paths.add(tracked.path);
    // It was open when the session asked about it, so its own record said open too.
    const asked = { ...tracked.action, status: "open" as const, closed_on: null };
    const counted = closingEvent(asked, made.record, events.get(followUp.action));
    if (counted && counted.record !== session.id)
      ctx.out.warn(`\`${followUp.action}\` was already ${counted.status} on ${counted.date}; left as it is`);
  }
  return [...paths].filter((path) => tickRecord(root, path, records)).map((path) => join(root, path));
}

/**
 * The plan the session followed is held: that is derived from the session's `plan`
 * when reading. The plan file is also marked (`status: completed`, `held_in`) for a
 * person reading it, best effort, changing only those two lines.
 */
export function markPlanHeld(root: string, plan: StoredRecord | undefined, sessionId: string, _ctx: Context): string[] {
  if (!plan) return [];
  const marked = editRecordIfFree(root, plan.path, [
    {
      edit: (text) => markHeldInPlanText(text, sessionId),
      expected: (record) =>
        record.status === "planned" ? { ...record, status: "completed", held_in: sessionId } : record,
    },
  ]);
  return marked ? [join(root, plan.path)] : [];
}
