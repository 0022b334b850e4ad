import { join, relative } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { splitFrontMatter } from "../domain/front-matter.js";
import { type CoachRecord, type RecordSummary, recordSchema, toSummary } from "../domain/record.js";
import { joinFrontMatter } from "../domain/to-yaml.js";
import { badInput, CoachError } from "../errors.js";
import { readUtf8Strictly, writeFileSafely } from "./files.js";
import { recordsDir } from "./records.js";
import { type Parsed, sizeProblem } from "./yaml-file.js";
import { parseYaml } from "./yaml-source.js";

// One record file whole: parsed (answers and all) or written. Both need the YAML
// libraries, so a run that reads only summaries through the index never loads this.

export interface RecordFile {
  record: CoachRecord;
  body: string;
}

/** Parses one record file's text; a broken one yields `file:line:col: problem`. */
export function parseRecord(text: string, file: string): Parsed<RecordFile> {
  const split = splitFrontMatter(text);
  if (!split) return { ok: false, problem: noFrontMatter(file) };
  const parsed = parseYaml(recordSchema(), split.frontMatter, file, split.firstLine);
  return parsed.ok ? { ok: true, value: { record: parsed.value, body: split.body } } : parsed;
}

/**
 * Like parseRecord, for the index, where parsing is most of the cost of reading 100,000
 * records: js-yaml reads front matter about ten times faster than `yaml` (the core
 * schema, so dates stay strings, as `yaml` reads them). Whatever it refuses, or the
 * schema refuses, is parsed again by parseRecord, so a problem is reported exactly where
 * it is and in the words every other file gets.
 */
export function parseRecordSummary(text: string, file: string): Parsed<RecordSummary> {
  const split = splitFrontMatter(text);
  if (!split) return { ok: false, problem: noFrontMatter(file) };
  const quick = quickRead(split.frontMatter);
  const checked = quick === undefined ? undefined : recordSchema().safeParse(quick);
  if (checked?.success) return { ok: true, value: toSummary(checked.data) };
  const full = parseYaml(recordSchema(), split.frontMatter, file, split.firstLine);
  return full.ok ? { ok: true, value: toSummary(full.value) } : full;
}

/**
 * A mark that could be an alias (`*name` after a space, `[`, `{` or `,`). js-yaml
 * expands no alias but hands out shared objects, which a schema check then walks once per
 * use: a "billion laughs" record would take forever. Such text is left to `yaml`, which
 * caps aliases. Coach writes none.
 */
const MAY_HOLD_ALIAS = /(?:^|[\s[{,])\*[^\s,\]}]/;

/**
 * A top-level `answers:` block as coach writes it: the key alone on its line, then indented
 * lines, `- ` items, comments and blank lines, up to the next top-level key.
 */
const ANSWERS_BLOCK = /^answers:[ \t]*\n(?:(?:[ \t#].*|-(?:[ \t].*)?|)\n)*/m;

/**
 * The front matter as js-yaml reads it, or undefined for anything it refuses or should not read.
 * A summary drops the answers, which are most of a session's front matter and of the cost of
 * reading it, so their block is cut out first; the answers are checked by the commands that read
 * the whole record. Whatever the cut leaves unreadable goes to parseRecord, as any refusal does.
 */
function quickRead(frontMatter: string): unknown {
  if (sizeProblem(frontMatter, "")) return undefined;
  // Checked after the cut: an answer typed with Markdown emphasis ("he *really* wants") is not read here.
  const rest = frontMatter.replace(ANSWERS_BLOCK, "");
  if (MAY_HOLD_ALIAS.test(rest)) return undefined;
  try {
    return load(rest, { schema: CORE_SCHEMA }) ?? {};
  } catch {
    return undefined;
  }
}

function noFrontMatter(file: string): string {
  return `${file}:1:1: no front matter; a record starts with a '---' line and its YAML ends with another`;
}

export function readRecordFile(root: string, path: string): RecordFile {
  const file = join(root, path);
  const parsed = parseRecord(readUtf8Strictly(file, path), path);
  if (!parsed.ok)
    throw badInput("invalid_record", parsed.problem, "fix the front matter by hand; the record was left unchanged");
  return parsed.value;
}

/**
 * Writes a new record file; its name is its id, and it is created exclusively, so it
 * never replaces another (two processes making the same name: one gets `record_exists`).
 */
export function writeNewRecord(root: string, record: CoachRecord, body: string): string {
  const path = relative(root, join(recordsDir(root, record.rep), `${record.id}.md`));
  try {
    writeFileSafely(join(root, path), joinFrontMatter(record, body), { exclusive: true, within: root });
  } catch (error) {
    if (error instanceof CoachError && error.code === "record_exists")
      throw badInput("record_exists", `${path} already exists`);
    throw error;
  }
  return path;
}

/** Rewrites a record in place (a draft saved again, a record completed). */
export function replaceRecord(root: string, path: string, record: CoachRecord, body: string): void {
  writeFileSafely(join(root, path), joinFrontMatter(record, body), { within: root });
}
