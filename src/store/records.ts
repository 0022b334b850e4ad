import { type Dirent, existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { withEventsApplied } from "../domain/closing.js";
import { assertSafeSegment } from "../domain/ids.js";
import { isRecordFileName, type StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import { type ReaderLoaders, readFolderThroughIndex } from "./record-index.js";
import { listRepIds, repDir } from "./reps.js";
import type { Parsed } from "./yaml-file.js";

export interface RecordSet {
  records: StoredRecord[];
  /** `file:line:col: problem` for each record that could not be read. */
  skipped: string[];
}

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * A short random id from an alphabet without look-alike letters (no i, l, o, u). Web
 * Crypto's global, not node:crypto: that module loads only when an id is made, and most
 * runs make none.
 */
export function randomId(length: number): string {
  return [...crypto.getRandomValues(new Uint8Array(length))].map((byte) => ALPHABET[byte % 32]).join("");
}

export function recordsDir(root: string, rep: string): string {
  return join(repDir(root, rep), "records");
}

/** Record files of one rep or all reps, relative to the workspace, oldest first. */
export function listRecordPaths(root: string, rep?: string): string[] {
  const reps = rep ? [rep] : listRepIds(root);
  return reps.flatMap((id) => {
    const dir = recordsDir(root, id);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => isRecordFileName(name))
      .sort()
      .map((name) => relative(root, join(dir, name)));
  });
}

/**
 * Every readable record (of one rep, or of all reps with a profile), oldest first per
 * rep, with the broken ones listed, not thrown. Read through the metadata index, so
 * records come without `answers` and without drill rounds' `response` and `notes`:
 * read one file with readRecordFile when those are needed.
 */
export async function readRecords(root: string, rep?: string): Promise<RecordSet> {
  const reps = rep ? [rep] : listRepIds(root);
  const records: StoredRecord[] = [];
  const skipped: string[] = [];
  for (const id of reps) {
    const folder = await readFolderThroughIndex(root, safeRepId(id), { summary: loadSummaryReader });
    for (const record of folder.records) records.push(record);
    for (const problem of folder.skipped) skipped.push(problem);
  }
  return { records: withEventsApplied(records), skipped };
}

/**
 * One rep folder's records and its profile (`undefined` when it has no rep.yaml),
 * both through the index: a team review of 100 reps parses no YAML when nothing changed.
 */
export async function readRepFolder(root: string, rep: string): Promise<RecordSet & { profile?: Parsed<Rep> }> {
  const profile = async () => {
    const { parseRepProfile } = await import("./rep-profile.js");
    return (text: string, file: string) => parseRepProfile(text, file, rep);
  };
  const folder = await readFolderThroughIndex(root, safeRepId(rep), { summary: loadSummaryReader, profile });
  return { ...folder, records: withEventsApplied(folder.records) };
}

/** Loaded by the first run that finds a record the index does not hold (or no longer matches). */
const loadSummaryReader: ReaderLoaders["summary"] = async () => (await import("./record-file.js")).parseRecordSummary;

function safeRepId(rep: string): string {
  assertSafeSegment("rep id", rep);
  return rep;
}

/**
 * Every folder under reps/, sorted: a team review reads each (rep.yaml or not), so
 * records of removed reps are reported, not lost. Listing deletes nothing: a shard of
 * a folder that is gone is a few bytes of cache, not worth a delete on every read.
 */
export function listRepFolders(root: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, "reps"), { withFileTypes: true });
  } catch {
    return [];
  }
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return folders;
}
