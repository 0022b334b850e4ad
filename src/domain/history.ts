import { withEventsApplied } from "./closing.js";
import { compareText, daysBetween } from "./dates.js";
import type { Action, RecordSummary, StoredRecord } from "./record.js";

/** An action with the record it was made in. */
export interface TrackedAction {
  action: Action;
  rep: string;
  /** The date of the record that made it. */
  made: string;
  path: string;
  recordId: string;
}

/** Records that count: drafts never do. */
export function countable(records: StoredRecord[]): StoredRecord[] {
  return records.filter(({ record }) => record.status !== "draft");
}

export function completedSessions(records: StoredRecord[]): RecordSummary[] {
  return records
    .map(({ record }) => record)
    .filter((record) => record.type === "session" && record.status === "completed")
    .sort((a, b) => compareText(a.date, b.date));
}

/** Every commitment of countable records, with the status its follow-ups and closes give it. */
export function allActions(records: StoredRecord[]): TrackedAction[] {
  return countable(withEventsApplied(records)).flatMap(({ path, record }) =>
    (record.actions ?? []).map((action) => ({ action, rep: record.rep, made: record.date, path, recordId: record.id })),
  );
}

export function isOverdue(action: Action, today: string): boolean {
  return action.status === "open" && action.due !== null && action.due < today;
}

/** Open commitments, overdue ones first (oldest due first), then by due date, then undated by age. */
export function openActions(records: StoredRecord[], today: string): TrackedAction[] {
  return allActions(records)
    .filter(({ action }) => action.status === "open")
    .sort((a, b) => {
      const overdue = Number(isOverdue(b.action, today)) - Number(isOverdue(a.action, today));
      if (overdue) return overdue;
      if (a.action.due && b.action.due) return compareText(a.action.due, b.action.due);
      if (a.action.due || b.action.due) return a.action.due ? -1 : 1;
      return compareText(a.made, b.made);
    });
}

/** "made 12 days ago, due 2026-11-20 (2 days overdue)" */
export function describeActionTiming(tracked: TrackedAction, today: string): string {
  const age = daysBetween(tracked.made, today);
  const made = age <= 0 ? "made today" : `made ${age} day${age === 1 ? "" : "s"} ago`;
  const due = tracked.action.due;
  if (!due) return `${made}, no due date`;
  const left = daysBetween(today, due);
  const when =
    left < 0
      ? `${-left} day${left === -1 ? "" : "s"} overdue`
      : left === 0
        ? "due today"
        : `in ${left} day${left === 1 ? "" : "s"}`;
  return `${made}, due ${due} (${when})`;
}

/** Each skill's ratings over time, oldest first, from completed sessions. */
export function ratingsBySkill(records: StoredRecord[]): Map<string, { date: string; value: number }[]> {
  const bySkill = new Map<string, { date: string; value: number }[]>();
  for (const session of completedSessions(records)) {
    for (const [skill, value] of Object.entries(session.ratings ?? {})) {
      const list = bySkill.get(skill) ?? [];
      list.push({ date: session.date, value });
      bySkill.set(skill, list);
    }
  }
  return bySkill;
}

/** The date each stage was last the focus of a completed session. */
export function lastCoachedByStage(records: StoredRecord[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const session of completedSessions(records)) if (session.stage) last.set(session.stage, session.date);
  return last;
}
