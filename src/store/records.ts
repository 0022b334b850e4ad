import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { inKeyOrderOf, joinFrontMatter, splitFrontMatter } from "../domain/front-matter.js";
import { recordSchema, RECORD_FILE, type CoachRecord, type StoredRecord } from "../domain/record.js";
import { badInput } from "../errors.js";
import { listRepIds, repDir } from "./reps.js";
import { withFileLock, writeFileSafely } from "./files.js";
import { parseYaml, type Parsed } from "./yaml-source.js";

export interface RecordFile {
  record: CoachRecord;
  body: string;
}

export interface RecordSet {
  records: StoredRecord[];
  /** `file:line:col: problem` for each record that could not be read. */
  skipped: string[];
}

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A short random id from an alphabet without look-alike letters (no i, l, o, u). */
export function randomId(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % 32]).join("");
}

export function recordsDir(root: string, rep: string): string {
  return join(repDir(root, rep), "records");
}

/** Parses one record file's text; a broken one yields `file:line:col: problem`. */
export function parseRecord(text: string, file: string): Parsed<RecordFile> {
  const split = splitFrontMatter(text);
  if (!split) return { ok: false, problem: `${file}:1:1: no front matter; a record starts with a '---' line and its YAML ends with another` };
  const parsed = parseYaml(recordSchema, split.frontMatter, file, split.firstLine);
  return parsed.ok ? { ok: true, value: { record: parsed.value, body: split.body } } : parsed;
}

export function readRecordFile(root: string, path: string): RecordFile {
  const file = join(root, path);
  const parsed = parseRecord(readFileSync(file, "utf8"), path);
  if (!parsed.ok) throw badInput("invalid_record", parsed.problem, "fix the front matter by hand; the record was left unchanged");
  return parsed.value;
}

/** Record files of one rep or all reps, relative to the workspace, oldest first. */
export function listRecordPaths(root: string, rep?: string): string[] {
  const reps = rep ? [rep] : listRepIds(root);
  return reps.flatMap((id) => {
    const dir = recordsDir(root, id);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => RECORD_FILE.test(name))
      .sort()
      .map((name) => relative(root, join(dir, name)));
  });
}

/** Every readable record (of one rep, or all), with the broken ones listed, not thrown. */
export function readRecords(root: string, rep?: string): RecordSet {
  const records: StoredRecord[] = [];
  const skipped: string[] = [];
  for (const path of listRecordPaths(root, rep)) {
    const parsed = parseRecord(readFileSync(join(root, path), "utf8"), path);
    if (parsed.ok) records.push({ path, record: parsed.value.record });
    else skipped.push(parsed.problem);
  }
  return { records, skipped };
}

/** Writes a new record file; its name is its id, so it never replaces another. */
export function writeNewRecord(root: string, record: CoachRecord, body: string): string {
  const path = relative(root, join(recordsDir(root, record.rep), `${record.id}.md`));
  if (existsSync(join(root, path))) throw badInput("record_exists", `${path} already exists`);
  writeFileSafely(join(root, path), joinFrontMatter(record, body));
  return path;
}

/** Rewrites a record in place (a draft saved again, a record completed). */
export function replaceRecord(root: string, path: string, record: CoachRecord, body: string): void {
  writeFileSafely(join(root, path), joinFrontMatter(record, body));
}

/**
 * Read-modify-write of an existing record under its lock, so two processes closing
 * two actions of one record both land. `change` gets the current contents, re-read
 * inside the lock, and returns the new ones (or the same object: nothing is written).
 */
export function updateRecord(root: string, path: string, change: (current: RecordFile) => RecordFile): RecordFile {
  const file = join(root, path);
  return withFileLock(file, () => {
    const text = readFileSync(file, "utf8");
    const parsed = parseRecord(text, path);
    if (!parsed.ok) throw badInput("invalid_record", parsed.problem, "fix the front matter by hand; the record was left unchanged");
    const next = change(parsed.value);
    // Returning the record as it was means there is nothing to change: the file is left alone.
    if (next === parsed.value) return next;
    // Keys keep the order they had in the file, so the rewrite changes only the lines that
    // changed (zod puts known keys first), and git merges two people's edits of one record.
    const before = parse(splitFrontMatter(text)!.frontMatter) as unknown;
    writeFileSafely(file, joinFrontMatter(inKeyOrderOf(next.record, before), next.body));
    return next;
  });
}
