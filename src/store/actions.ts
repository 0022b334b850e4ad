import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ClosedStatus, tickChecklistLine, withActionClosed } from "../domain/actions.js";
import { closest } from "../domain/ids.js";
import type { Action, CoachRecord } from "../domain/record.js";
import { badInput } from "../errors.js";
import { listRecordPaths, parseRecord, readRecordFile, readRecords, updateRecord } from "./records.js";

/**
 * Every action id in the workspace, drafts included: a new id must not collide even
 * with one in an unfinished session, or closing it later would be ambiguous.
 */
export function takenActionIds(root: string): Set<string> {
  return new Set(readRecords(root).records.flatMap(({ record }) => (record.actions ?? []).map((a) => a.id)));
}

export interface LocatedAction {
  path: string;
  record: CoachRecord;
  action: Action;
}

/**
 * The record holding action `id`. Only files whose text contains the id are parsed, so
 * this stays quick on a large workspace. Unknown ids get a did-you-mean; an id found
 * only in a broken record, or in a draft, is refused: those cannot be changed safely.
 */
export function locateAction(root: string, id: string): LocatedAction {
  // The index knows which record holds the id; only when it does not (a typo, or a
  // record too broken to index) are the files themselves searched.
  const indexed = readRecords(root).records.find(({ record }) => record.actions?.some((a) => a.id === id));
  if (indexed) return holding(indexed.path, readRecordFile(root, indexed.path).record, id)!;
  const broken: string[] = [];
  for (const path of listRecordPaths(root)) {
    const text = readFileSync(join(root, path), "utf8");
    if (!text.includes(id)) continue;
    const parsed = parseRecord(text, path);
    if (!parsed.ok) {
      broken.push(parsed.problem);
      continue;
    }
    const found = holding(path, parsed.value.record, id);
    if (found) return found;
  }
  if (broken.length)
    throw badInput(
      "invalid_record",
      `cannot change action '${id}': ${broken[0]}`,
      "fix the front matter by hand, then run this again",
    );
  const known = [...takenActionIds(root)];
  const guess = closest(id, known);
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

export type CloseOutcome = { closed: Action } | { alreadyClosed: Action };

/**
 * Closes one action in the record that holds it: front matter and checklist line, under
 * the record's lock, re-reading it so a concurrent close of another action is kept.
 * An action someone else closed meanwhile is reported, not closed again.
 */
export function closeActionInRecord(
  root: string,
  path: string,
  id: string,
  status: ClosedStatus,
  date: string,
): CloseOutcome {
  let outcome: CloseOutcome | undefined;
  updateRecord(root, path, (current) => {
    const action = current.record.actions?.find((a) => a.id === id);
    if (!action)
      throw badInput("unknown_action", `action '${id}' is no longer in ${path}`, "see `coach actions --all`");
    if (action.status !== "open") {
      outcome = { alreadyClosed: action };
      return current;
    }
    const record = withActionClosed(current.record, id, status, date);
    const closed = record.actions!.find((a) => a.id === id)!;
    outcome = { closed };
    return { record, body: tickChecklistLine(current.body, closed) };
  });
  return outcome!;
}
