import { compareText } from "./dates.js";
import type { Action, ActionEdit, CoachRecord, StoredRecord } from "./record.js";

/**
 * The truth about a commitment is append-only: the record that made it says how it
 * started, and every later word about it is an event in a record of its own, never a
 * rewrite of that one: a completed session's `follow_ups`, or the small `note` record
 * that `coach actions done|drop|edit` writes. An action's status is computed from them when
 * reading. Nothing is lost to two writers racing on one file, a crash between two
 * writes, or a git merge, because no file's truth is ever rewritten.
 */
export interface ActionEvent {
  action: string;
  status: string;
  date: string;
  /** The record that says it. */
  record: string;
  /** An `open` follow-up may move the due date. */
  due?: string | null;
  /** What an `edited` event changes (text, owner, due date). */
  changes?: Omit<ActionEdit, "action">;
}

/** A close: done, tried (the attempt taught something) or dropped. */
const isClose = (event: ActionEvent) =>
  event.status === "done" || event.status === "tried" || event.status === "dropped";

/** Follow-up and edit events of completed, countable records; drafts say nothing yet. */
export function actionEvents(records: StoredRecord[]): Map<string, ActionEvent[]> {
  const events = new Map<string, ActionEvent[]>();
  const add = (event: ActionEvent) => {
    const list = events.get(event.action);
    if (list) list.push(event);
    else events.set(event.action, [event]);
  };
  for (const { record } of records) {
    if (record.status !== "completed") continue;
    for (const { action, ...changes } of record.edits ?? [])
      add({ action, status: "edited", date: record.date, record: record.id, changes });
    for (const followUp of record.follow_ups ?? []) {
      const event: ActionEvent = {
        action: followUp.action,
        status: followUp.status,
        date: record.date,
        record: record.id,
      };
      const due = (followUp as { due?: unknown }).due;
      if (typeof due === "string" || due === null) event.due = due;
      add(event);
    }
  }
  for (const list of events.values()) list.sort(byDateThenRecord);
  return events;
}

function byDateThenRecord(a: { date: string; record: string }, b: { date: string; record: string }): number {
  return compareText(a.date, b.date) || compareText(a.record, b.record);
}

/**
 * The close that counts for `action` (made in `record`): the earliest of its own closed
 * status and every closing event, ties by record id, so every reader, on every machine,
 * after any merge, picks the same one. A close is final: a later "not yet" does not reopen it.
 */
export function closingEvent(
  action: Action,
  record: Pick<CoachRecord, "id" | "date">,
  events: ActionEvent[] = [],
): ActionEvent | undefined {
  const closes = events.filter(isClose);
  if (action.status !== "open")
    closes.push({ action: action.id, status: action.status, date: action.closed_on ?? record.date, record: record.id });
  return closes.sort(byDateThenRecord)[0];
}

/**
 * The action as its events leave it: its text, owner and due date as the latest edit or
 * "not yet" left them (in date order, ties by record id), then closed by the close that
 * counts, if any.
 */
export function effectiveAction(
  action: Action,
  record: Pick<CoachRecord, "id" | "date">,
  events: ActionEvent[] = [],
): Action {
  let current = action;
  for (const event of events) {
    if (event.changes) current = withEdit(current, event.changes);
    else if (event.status === "open" && event.due !== undefined) current = { ...current, due: event.due ?? null };
  }
  const close = closingEvent(action, record, events);
  if (!close || (close.record === record.id && action.status !== "open")) return current;
  return { ...current, status: close.status as Action["status"], closed_on: close.date };
}

/** The action as one `coach actions edit` leaves it; `goal: null` unties it from its goal. */
export function withEdit(action: Action, changes: Omit<ActionEdit, "action">): Action {
  const { goal, ...rest } = definedOnly(changes);
  const edited = { ...action, ...rest };
  if (goal === null) {
    const { goal: _untied, ...untied } = edited;
    return untied;
  }
  return goal === undefined ? edited : { ...edited, goal };
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * The records as their events leave them: each action with its effective status, each
 * plan a completed session followed marked held (`status: completed`, `held_in`).
 * Records nothing refers to are returned as they are; reading twice changes nothing more.
 */
export function withEventsApplied(records: StoredRecord[]): StoredRecord[] {
  const events = actionEvents(records);
  const heldIn = plansHeld(records);
  if (events.size === 0 && heldIn.size === 0) return records;
  return records.map((stored) => {
    const { record } = stored;
    let next = record;
    if (record.actions?.some((action) => events.has(action.id)))
      next = {
        ...next,
        actions: record.actions.map((action) => effectiveAction(action, record, events.get(action.id))),
      };
    const session = heldIn.get(record.id);
    if (session && record.type === "plan" && record.status === "planned")
      next = { ...next, status: "completed", held_in: session };
    return next === record ? stored : { ...stored, record: next };
  });
}

/** Plan id -> the first completed session that followed it. */
function plansHeld(records: StoredRecord[]): Map<string, string> {
  const held = new Map<string, { date: string; record: string }>();
  for (const { record } of records) {
    if (record.type !== "session" || record.status !== "completed" || typeof record.plan !== "string") continue;
    const seen = held.get(record.plan);
    const candidate = { date: record.date, record: record.id };
    if (!seen || byDateThenRecord(candidate, seen) < 0) held.set(record.plan, candidate);
  }
  return new Map([...held].map(([plan, { record }]) => [plan, record]));
}
