import { readFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import {
  type ClosedStatus,
  closeInRecordText,
  sharedActionIds,
  sharedActionProblem,
  tickInRecordText,
  withActionClosed,
} from "../domain/actions.js";
import { type ActionEvent, actionEvents, closingEvent, effectiveAction } from "../domain/closing.js";
import { closest } from "../domain/ids.js";
import { inline } from "../domain/markdown.js";
import { type Action, type CoachRecord, RECORD_SCHEMA, type StoredRecord } from "../domain/record.js";
import { badInput, CoachError } from "../errors.js";
import { insideWorkspace } from "./files.js";
import { editRecordIfFree } from "./record-edit.js";
import { parseRecord, readRecordFile, writeNewRecord } from "./record-file.js";
import { listRecordPaths, readRecords } from "./records.js";

/**
 * Every action id in the workspace, drafts included: a new id must not collide even
 * with one in an unfinished session, or closing it later would be ambiguous.
 */
export async function takenActionIds(root: string): Promise<Set<string>> {
  return new Set((await readRecords(root)).records.flatMap(({ record }) => (record.actions ?? []).map((a) => a.id)));
}

export interface LocatedAction {
  path: string;
  /** The record that made it, as its file says. */
  record: CoachRecord;
  /** The action as its file says. */
  action: Action;
  /** The close that counts, if it is closed (by its record, a session or a close note). */
  closed?: ActionEvent;
}

/**
 * The record holding action `id`, read strictly (invalid UTF-8, or a symlink out of the
 * workspace, is refused: exit 2). Unknown ids get a did-you-mean; an id found only in
 * a broken record, or in a draft, is refused: those cannot be changed safely.
 */
export async function locateAction(root: string, id: string): Promise<LocatedAction> {
  // The index knows which record holds the id; only when it does not (a typo, or a
  // record too broken to index) are the files themselves searched.
  const { records } = await readRecords(root);
  const holders = sharedActionIds(records).get(id);
  if (holders) {
    const { message, fix } = sharedActionProblem(id, holders);
    throw badInput("ambiguous_action", message, fix);
  }
  const indexed = records.find(({ record }) => record.actions?.some((a) => a.id === id));
  if (indexed) {
    insideWorkspace(root, join(root, indexed.path));
    const found = holding(indexed.path, readRecordFile(root, indexed.path).record, id);
    if (found) return { ...found, closed: closeOf(records, found) };
  }
  const broken: string[] = [];
  for (const path of listRecordPaths(root)) {
    let text: string;
    try {
      text = readFileSync(join(root, path), "utf8");
    } catch (error) {
      // A folder or a broken link where a record should be may be the one that held it.
      broken.push(`${path}:1:1: could not read the file (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
      continue;
    }
    if (!text.includes(id)) continue;
    const parsed = parseRecord(text, path);
    if (!parsed.ok) broken.push(parsed.problem);
  }
  if (broken.length)
    throw badInput(
      "invalid_record",
      `cannot change action '${id}': ${broken[0]}`,
      "fix the front matter by hand, then run this again",
    );
  const guess = closest(id, [...(await takenActionIds(root))]);
  throw badInput(
    "unknown_action",
    `no action '${id}'`,
    guess ? `did you mean '${guess}'? See \`coach actions --all\`` : "see `coach actions --all`",
  );
}

/** The action `id` in `record`, unless the record is a draft (which cannot be changed yet). */
function holding(path: string, record: CoachRecord, id: string): LocatedAction | undefined {
  const action = record.actions?.find((a) => a.id === id);
  if (!action) return undefined;
  if (record.status === "draft") {
    throw badInput(
      "draft_action",
      `action '${id}' belongs to an unfinished draft session (${path})`,
      `finish it with \`coach session ${record.rep} --resume\` first`,
    );
  }
  return { path, record, action };
}

function closeOf(records: StoredRecord[], found: LocatedAction): ActionEvent | undefined {
  const mine = records.filter(({ record }) => record.rep === found.record.rep);
  return closingEvent(found.action, found.record, actionEvents(mine).get(found.action.id));
}

/** The action as its edits, follow-ups and closes leave it (what `coach actions` shows). */
export async function currentAction(root: string, found: LocatedAction): Promise<Action> {
  const mine = (await readRecords(root, found.record.rep)).records;
  return effectiveAction(found.action, found.record, actionEvents(mine).get(found.action.id));
}

/** The name of the note that closes `action` on `date`: one per action and day, so a second close that day collides. */
export function closeNoteId(date: string, action: string): string {
  return `${date}-note-close-${action}`;
}

export type CloseOutcome = { closed: ActionEvent; written: string[] } | { alreadyClosed: ActionEvent };

/**
 * Closes an action by appending the event: a new `note` record, created exclusively,
 * that no other process writes or rewrites. Then, if another close of the same action
 * landed at the same time and counts before this one, this one is withdrawn and
 * reported as already closed: every process tells the truth. Last, as a convenience,
 * the action's own record is ticked (best effort).
 */
export async function closeAction(
  root: string,
  found: LocatedAction,
  status: ClosedStatus,
  date: string,
): Promise<CloseOutcome> {
  const { action, record } = found;
  const note: CoachRecord = {
    schema: RECORD_SCHEMA,
    id: closeNoteId(date, action.id),
    type: "note",
    rep: record.rep,
    date,
    status: "completed",
    follow_ups: [{ action: action.id, text: action.text, status }],
  };
  const what = status === "done" ? "Done" : "Dropped";
  const body = `\n# ${what}: ${inline(action.text)}\n\n\`${action.id}\` from ${found.path}, ${status} on ${date}.\n`;
  let path: string;
  try {
    path = writeNewRecord(root, note, body);
  } catch (error) {
    if (!(error instanceof CoachError) || error.code !== "record_exists") throw error;
    return { alreadyClosed: closeOf((await readRecords(root, record.rep)).records, found)! };
  }
  const records = (await readRecords(root, record.rep)).records;
  const counted = closeOf(records, found)!;
  if (counted.record !== note.id) {
    unlinkSync(join(root, path));
    return { alreadyClosed: counted };
  }
  const written = [join(root, path)];
  if (tickRecord(root, found.path, records)) written.push(join(root, found.path));
  return { closed: counted, written };
}

/**
 * Ticks, in the record at `path`, every action its events have closed (earlier ticks
 * that were skipped are caught up too). Best effort: false when nothing was changed.
 */
export function tickRecord(root: string, path: string, records: StoredRecord[]): boolean {
  const current = records.find((stored) => stored.path === path);
  const closed = (current?.record.actions ?? []).filter((action) => action.status !== "open");
  if (!closed.length) return false;
  const closedIn = (record: CoachRecord) =>
    closed.reduce((next, a) => withActionClosed(next, a.id, a.status as ClosedStatus, a.closed_on!), record);
  return editRecordIfFree(root, path, [
    { edit: (text) => closeInRecordText(text, closed), expected: closedIn },
    { edit: (text) => tickInRecordText(text, closed), expected: (record) => record },
  ]);
}
