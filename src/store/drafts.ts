import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { closest } from "../domain/ids.js";
import type { StoredRecord } from "../domain/record.js";
import { badInput } from "../errors.js";
import { readRecords } from "./records.js";

/** A draft is unfinished work, not a record of what happened: it can be listed, resumed or thrown away. */
export async function listDrafts(root: string, rep?: string): Promise<{ drafts: StoredRecord[]; skipped: string[] }> {
  const { records, skipped } = await readRecords(root, rep);
  return { drafts: records.filter(({ record }) => record.status === "draft"), skipped };
}

/**
 * The draft `--resume` continues: of one rep's drafts of one command, the one saved last.
 * File names order drafts of one day by template, not by time, so the files' times decide
 * (names break a tie). A huddle is never resumed: it is run again.
 */
export function latestDraft(
  root: string,
  drafts: StoredRecord[],
  rep: string,
  type: StoredRecord["record"]["type"],
): StoredRecord | undefined {
  const candidates = drafts.filter(
    ({ record }) => record.rep === rep && record.type === type && record.status === "draft" && record.mode !== "huddle",
  );
  const savedAt = (draft: StoredRecord) => statSync(join(root, draft.path), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return candidates
    .map((draft) => ({ draft, at: savedAt(draft) }))
    .sort((a, b) => a.at - b.at || (a.draft.path < b.draft.path ? -1 : 1))
    .at(-1)?.draft;
}

/** Removes the draft `id`; an id that is no draft is refused with the closest draft id. */
export async function discardDraft(root: string, id: string): Promise<StoredRecord> {
  const { records } = await readRecords(root);
  const drafts = records.filter(({ record }) => record.status === "draft");
  const draft = drafts.find(({ record }) => record.id === id);
  if (!draft && records.some(({ record }) => record.id === id))
    throw badInput(
      "unknown_draft",
      `'${id}' is a finished record, not a draft`,
      "records are kept; only drafts can be discarded",
    );
  if (!draft) {
    const guess = closest(
      id,
      drafts.map(({ record }) => record.id),
    );
    throw badInput(
      "unknown_draft",
      `no draft '${id}'`,
      guess ? `did you mean '${guess}'? See \`coach drafts\`` : "see `coach drafts` for the drafts there are",
    );
  }
  rmSync(join(root, draft.path));
  return draft;
}
