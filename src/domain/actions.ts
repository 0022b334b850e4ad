import { compareText, daysBetween } from "./dates.js";
import { splitFrontMatter } from "./front-matter.js";
import { allActions, isOverdue, openActions, type TrackedAction } from "./history.js";
import { inline } from "./markdown.js";
import type { Action, CoachRecord, Owner, StoredRecord } from "./record.js";

export type ClosedStatus = "done" | "dropped";
export const ACTION_FILTERS = ["open", "overdue", "all"] as const;
export type ActionFilter = (typeof ACTION_FILTERS)[number];

/**
 * A commitment's text as typed, less the spaces around it: only ASCII blanks go, since
 * `trim()` would also take a no-break space or a line separator that a person typed.
 */
export function trimSpaces(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}

/** A new open commitment (its text with the spaces around it removed), with the goal it serves if any. */
export function newAction(id: string, text: string, owner: Owner, due: string | null, goal?: string): Action {
  return { id, text: trimSpaces(text), owner, due, status: "open", closed_on: null, ...(goal ? { goal } : {}) };
}

/**
 * A fresh action id that no action in `taken` has (drafts included), added to `taken`
 * so a run that makes several ids never repeats one.
 */
export function uniqueActionId(taken: Set<string>, random: () => string): string {
  for (;;) {
    const id = random();
    if (taken.has(id)) continue;
    taken.add(id);
    return id;
  }
}

/**
 * "- [ ] `k7m2qx` Send the recap to Acme (rep, due 2026-11-27)"; done ones are ticked, dropped
 * ones marked `[-]` (never ticked: they were not done), and both say when.
 */
export function checklistLine(action: Action): string {
  const box = checkbox(action);
  const due = action.due ? `due ${action.due}` : "no due date";
  return `- ${box} \`${action.id}\` ${inline(action.text)} (${action.owner}, ${due})${closedNote(action)}`;
}

function checkbox(action: Action): string {
  return action.status === "open" ? "[ ]" : action.status === "dropped" ? "[-]" : "[x]";
}

function closedNote(action: Action): string {
  return action.status === "open" ? "" : ` (${action.status}${action.closed_on ? ` ${action.closed_on}` : ""})`;
}

/**
 * The commitments as a Markdown checklist. Items are separated by a blank line: closing
 * two different actions then changes two lines that do not touch, which git merges
 * without a conflict when two people close them on two machines.
 */
export function renderChecklist(actions: Action[]): string {
  return actions.map(checklistLine).join("\n\n");
}

/**
 * Ticks the checklist line of a closed action, leaving the rest of the line and the
 * whole body as the person left them. A body without the line is returned unchanged.
 */
export function tickChecklistLine(body: string, action: Action): string {
  const line = new RegExp(`^([ \\t]*[-*+] )\\[[ xX-]\\]( \`${action.id}\`[^\\r\\n]*?)[ \\t]*(\\r?)$`, "m");
  return body.replace(line, (_, lead: string, rest: string, cr: string) => {
    const noted = /\((?:done|tried|dropped)(?: \d{4}-\d{2}-\d{2})?\)$/.test(rest);
    return `${lead}${checkbox(action)}${rest}${noted ? "" : closedNote(action)}${cr}`;
  });
}

/**
 * A record file's text with the given (closed) actions closed in it: in the front
 * matter, only the action's `status` and `closed_on` lines; in the body, its checklist
 * line. Every other byte is the person's and stays (CRLF, a BOM, comments, notes).
 */
export function closeInRecordText(text: string, closed: Action[]): string {
  const split = splitFrontMatter(text);
  if (!split) return text;
  let head = text.slice(0, text.length - split.body.length);
  let body = split.body;
  for (const action of closed) {
    head = closeInFrontMatter(head, action);
    body = tickChecklistLine(body, action);
  }
  return head + body;
}

/** The body ticks alone, for a front matter laid out other than the tool writes it. */
export function tickInRecordText(text: string, closed: Action[]): string {
  const split = splitFrontMatter(text);
  if (!split) return text;
  const head = text.slice(0, text.length - split.body.length);
  return head + closed.reduce((body, action) => tickChecklistLine(body, action), split.body);
}

/** The `status` and `closed_on` lines of the action item `- id: <id>`, as the tool writes them. */
function closeInFrontMatter(head: string, action: Action): string {
  const lines = head.split("\n");
  const item = new RegExp(`^([ \\t]*)- id:[ \\t]*(["']?)${action.id}\\2[ \\t]*\\r?$`);
  const start = lines.findIndex((line) => item.test(line));
  if (start < 0) return head;
  const keyIndent = item.exec(lines[start]!)![1]!.length + 2;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const indent = line.length - line.trimStart().length;
    if (indent < keyIndent) break;
    if (indent > keyIndent) continue;
    lines[i] = line
      .replace(/^([ \t]*status:[ \t]*)open([ \t]*\r?)$/, `$1${action.status}$2`)
      .replace(/^([ \t]*closed_on:[ \t]*)(?:null|~)?([ \t]*\r?)$/, `$1"${action.closed_on}"$2`);
  }
  return lines.join("\n");
}

/**
 * A plan's text marked held by `sessionId`: its top-level `status: planned` and
 * `held_in: null` lines, nothing else.
 */
export function markHeldInPlanText(text: string, sessionId: string): string {
  const split = splitFrontMatter(text);
  if (!split) return text;
  const head = text
    .slice(0, text.length - split.body.length)
    .replace(/^status:[ \t]*planned([ \t]*\r?)$/m, "status: completed$1")
    .replace(/^held_in:[ \t]*(?:null|~)?([ \t]*\r?)$/m, `held_in: ${sessionId}$1`);
  return head + split.body;
}

/** The record with one of its actions closed on `date`. */
export function withActionClosed(record: CoachRecord, id: string, status: ClosedStatus, date: string): CoachRecord {
  return {
    ...record,
    actions: (record.actions ?? []).map((action) =>
      action.id === id ? { ...action, status, closed_on: date } : action,
    ),
  };
}

/**
 * Each action id that more than one record holds, with those records' paths. Coach never
 * makes one (a new id is checked against every record), but a record copied by hand, or
 * two machines' records after a merge, can: one close would then count for both.
 */
export function sharedActionIds(records: StoredRecord[]): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const { path, record } of records)
    for (const { id } of record.actions ?? []) holders.set(id, [...(holders.get(id) ?? []), path]);
  return new Map([...holders].filter(([, paths]) => paths.length > 1));
}

/** Why an action id two records hold cannot be changed (which one is meant is anyone's guess), and the fix. */
export function sharedActionProblem(id: string, paths: string[]): { message: string; fix: string } {
  return {
    message: `action '${id}' is in ${paths.length} records: ${paths.join(", ")}`,
    fix: "delete the copy, or give all but one a new id (under `actions:` and in its checklist line)",
  };
}

/** The actions a list shows: open ones overdue first, then (with `all`) closed ones, latest closed first. */
export function selectActions(records: StoredRecord[], filter: ActionFilter, today: string): TrackedAction[] {
  const open = openActions(records, today);
  if (filter === "open") return open;
  if (filter === "overdue") return open.filter(({ action }) => isOverdue(action, today));
  const closed = allActions(records)
    .filter(({ action }) => action.status !== "open")
    .sort(
      (a, b) =>
        compareText(b.action.closed_on ?? "", a.action.closed_on ?? "") || compareText(a.action.id, b.action.id),
    );
  return [...open, ...closed];
}

/** The `coach actions --json` shape scripts rely on. */
export function actionRow({ action, rep, recordId }: TrackedAction) {
  return {
    id: action.id,
    rep,
    text: action.text,
    owner: action.owner,
    due: action.due,
    status: action.status,
    closed_on: action.closed_on,
    record: recordId,
    ...(action.goal ? { goal: action.goal } : {}),
  };
}

/** "open", "overdue 3 days", "done 2026-11-25" */
export function describeStatus(action: Action, today: string): string {
  if (action.status !== "open") return `${action.status}${action.closed_on ? ` ${action.closed_on}` : ""}`;
  if (!isOverdue(action, today)) return "open";
  const late = daysBetween(action.due!, today);
  return `overdue ${late} day${late === 1 ? "" : "s"}`;
}
