import { readdirSync, readFileSync, type Stats, statSync } from "node:fs";
import { join, sep } from "node:path";
import type { RecordSummary, StoredRecord, SummaryFields } from "../domain/record.js";
import { isRecordFileName, RECORD_SCHEMA } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import { writeFileSafely } from "./files.js";
import { isLeftover, sweepLeftovers } from "./leftovers.js";
import type { Parsed } from "./yaml-file.js";

/**
 * A derived, rebuildable cache of record front matter (and rep profiles), so reading
 * 100,000 records costs a stat per file and one JSON.parse per rep instead of a YAML
 * parse per file. The Markdown files stay the only source of truth: an entry is trusted
 * only while its file's size, mtime and inode are unchanged, and a missing, corrupt or
 * outdated index is rebuilt without a word.
 *
 * One shard per rep folder (`.coach/index/<rep>.json`), not one file for the workspace:
 * a rep's plan reads only that rep's shard, a new record rewrites one small shard, and a
 * team review holds one rep's records in memory at a time.
 *
 * Bump INDEX_VERSION whenever what an entry keeps changes, or recordSchema, repSchema or
 * configSchema change what a valid file parses to (a new default, a renamed field): old
 * shards are then rebuilt.
 */
export const INDEX_VERSION = 4;
export const INDEX_DIR = join(".coach", "index");

interface Stamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * A summary as a shard keeps it: `schema`, `id` and `rep` are left out when they are what
 * the file's name and folder say (they are put back on reading). Smaller entries are
 * less JSON to parse on every run.
 */
type CompactSummary = Omit<SummaryFields, "schema" | "id" | "rep"> &
  Partial<Pick<SummaryFields, "schema" | "id" | "rep">> & { [key: string]: unknown };

interface Entry<T> extends Stamp {
  /** The parsed, checked contents (a record's summary, or a profile). */
  value?: T;
  /** `file:line:col: problem` of a broken file, so its warning needs no re-parse. */
  problem?: string;
  /**
   * Modified moments before it was read: a second edit within the same clock tick
   * (filesystems keep mtimes to a few milliseconds, FAT to two seconds) could keep the
   * same stamp, so the entry is not trusted and the file is read again next time (as git
   * does with "racily clean" files).
   */
  racy?: true;
}

interface Shard {
  version: number;
  folder: string;
  profile?: Entry<Rep>;
  files: Record<string, Entry<CompactSummary>>;
}

export interface FolderRead {
  records: StoredRecord[];
  skipped: string[];
  /** The rep's profile, when asked for: undefined when the folder has no rep.yaml. */
  profile?: Parsed<Rep>;
}

type Parse<T> = (text: string, file: string) => Parsed<T>;

/**
 * Loaders of the parsers, called only when a file must be parsed: a parser brings the
 * YAML libraries, which most runs, finding every file unchanged, never load.
 */
export interface Parsers {
  /** Of a record file's text -> its summary, for the index (record-file.ts's parseRecordSummary). */
  record(): Promise<Parse<RecordSummary>>;
  /** Of rep.yaml's text -> the profile; given only by callers that want the profile too. */
  profile?(): Promise<Parse<Rep>>;
}

/**
 * The records of `reps/<rep>/records`, oldest first, through the rep's shard: unchanged
 * files come from the shard, changed and new ones are parsed, deleted ones dropped. The
 * shard is rewritten (atomically) only when something changed.
 */
export async function readFolderThroughIndex(root: string, rep: string, parsers: Parsers): Promise<FolderRead> {
  const folder = join("reps", rep, "records");
  const dir = root + sep + folder + sep;
  const shardFile = join(root, INDEX_DIR, `${rep}.json`);
  const known = loadShard(shardFile, folder);
  let changed = !known;
  const records: StoredRecord[] = [];
  const skipped: string[] = [];

  let profile = known?.profile;
  let profileRead: Parsed<Rep> | undefined;
  if (parsers.profile) {
    const file = join(root, "reps", rep, "rep.yaml");
    const stat = statSync(file, NO_THROW);
    let fresh: Entry<Rep> | undefined;
    if (stat && stillFresh(profile, stat)) fresh = profile;
    else if (stat) fresh = parseEntry(file, file, stat, await parsers.profile(), (rep) => rep);
    if (fresh !== profile) changed = true;
    profile = fresh;
    profileRead =
      profile && (profile.value ? { ok: true, value: profile.value } : { ok: false, problem: profile.problem! });
  }

  const names = listRecordNames(root + sep + folder);
  const entries: (Entry<CompactSummary> | undefined)[] = new Array(names.length);
  let parseRecord: Parse<RecordSummary> | undefined;
  let kept = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const path = folder + sep + name;
    const stored = known?.files[name];
    const before =
      stored && isEntry(stored) && (stored.problem !== undefined || looksLikeSummary(stored.value))
        ? stored
        : undefined;
    const stat = statSync(dir + name, NO_THROW);
    let entry: Entry<CompactSummary> | undefined;
    if (stat && stillFresh(before, stat)) entry = before;
    else if (stat) {
      parseRecord ??= await parsers.record();
      entry = parseEntry(dir + name, path, stat, parseRecord, (summary) => compact(summary, name, rep));
    }
    entries[i] = entry;
    if (!entry) {
      changed = true;
      continue;
    }
    if (entry === before) kept++;
    else changed = true;
    if (entry.value) records.push({ path, record: withNameAndFolder(entry.value, name, rep) });
    else skipped.push(entry.problem!);
  }
  // Entries of deleted files (or damaged ones) make the shard differ from the folder.
  if (known && kept !== Object.keys(known.files).length) changed = true;
  if (changed && (records.length || skipped.length || profile)) {
    const files: Record<string, Entry<CompactSummary>> = {};
    for (const [i, name] of names.entries()) if (entries[i]) files[name] = entries[i];
    const shard: Shard = { version: INDEX_VERSION, folder, ...(profile ? { profile } : {}), files };
    saveCache(root, shardFile, shard);
  }
  return { records, skipped, ...(parsers.profile ? { profile: profileRead } : {}) };
}

/** Where coach.yaml's checked contents are kept: `_` starts no rep id, so no shard has this name. */
const CONFIG_ENTRY = "_coach.yaml.json";

/**
 * coach.yaml's checked contents, from the index while the file is unchanged: most runs
 * then parse no YAML and check no schema for it (a tenth of a team review's time on a
 * thousand records). `parse` reads and checks the file and throws on a broken one, which
 * is never kept, so its error is every run's until it is fixed.
 */
export async function readConfigThroughIndex<T extends object>(
  root: string,
  file: string,
  parse: () => Promise<T>,
): Promise<T> {
  const entryFile = join(root, INDEX_DIR, CONFIG_ENTRY);
  const stat = statSync(file);
  const known = loadConfigEntry(entryFile);
  if (stillFresh(known, stat)) return known.value as T;
  const value = await parse();
  const entry: ConfigEntry = { version: INDEX_VERSION, coach: COACH_VERSION, ...stampOf(stat), value };
  saveCache(root, entryFile, entry);
  return value;
}

interface ConfigEntry extends Entry<object> {
  version: number;
  /** The release that checked it: a new one may bring new defaults (the built-in stages). */
  coach: string;
}

declare const __COACH_VERSION__: string | undefined;
const COACH_VERSION = typeof __COACH_VERSION__ === "string" ? __COACH_VERSION__ : "dev";

function loadConfigEntry(file: string): ConfigEntry | undefined {
  let entry: Partial<ConfigEntry>;
  try {
    entry = JSON.parse(readFileSync(file, "utf8")) as Partial<ConfigEntry>;
  } catch {
    return undefined;
  }
  if (!isEntry(entry) || entry.version !== INDEX_VERSION || entry.coach !== COACH_VERSION) return undefined;
  const config = entry.value as { stages?: unknown; cadence?: unknown } | undefined;
  const checked = config && Array.isArray(config.stages) && isMap(config.cadence) && config.cadence !== undefined;
  return checked ? (entry as ConfigEntry) : undefined;
}

/** A summary without what its file's name and folder say. */
function compact(summary: RecordSummary, fileName: string, rep: string): CompactSummary {
  const { schema, id, rep: repId, ...rest } = summary;
  return {
    ...rest,
    ...(schema === RECORD_SCHEMA ? {} : { schema }),
    ...(id === fileName.slice(0, -3) ? {} : { id }),
    ...(repId === rep ? {} : { rep: repId }),
  };
}

/** A compact summary with what compact left out put back. */
function withNameAndFolder(summary: CompactSummary, fileName: string, rep: string): RecordSummary {
  return { schema: RECORD_SCHEMA, id: fileName.slice(0, -3), rep, ...summary };
}

function listRecordNames(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  // What a killed writer left (a temp file, its lock) is cleared by the next run that sees it.
  if (names.some(isLeftover)) sweepLeftovers(dir);
  return names.filter((name) => isRecordFileName(name)).sort();
}

const NO_THROW = { throwIfNoEntry: false } as const;
const RACY_MS = 3000;

/**
 * The entry for a file found changed (or new) by `stat`, which was taken before the read:
 * a file changed in between still looks changed next time.
 */
function parseEntry<T, Kept = T>(
  file: string,
  shownAs: string,
  stat: Stats,
  parse: (text: string, shownAs: string) => Parsed<T>,
  keep: (value: T) => Kept,
): Entry<Kept> {
  const stamp = stampOf(stat);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return {
      ...stamp,
      problem: `${shownAs}:1:1: could not read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
  const parsed = parse(text, shownAs);
  return parsed.ok ? { ...stamp, value: keep(parsed.value) } : { ...stamp, problem: parsed.problem };
}

/** The shard, or undefined when it is missing, unreadable, damaged or from another version. */
function loadShard(file: string, folder: string): Shard | undefined {
  let shard: Partial<Shard>;
  try {
    shard = JSON.parse(readFileSync(file, "utf8")) as Partial<Shard>;
  } catch {
    return undefined;
  }
  if (typeof shard !== "object" || shard === null || shard.version !== INDEX_VERSION || shard.folder !== folder)
    return undefined;
  if (
    typeof shard.files !== "object" ||
    shard.files === null ||
    (shard.profile !== undefined && !isEntry(shard.profile))
  )
    return undefined;
  // Entries get cheap shape checks as they are used, no schema: a damaged one is parsed again.
  return shard as Shard;
}

function isEntry(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Entry<{ date?: unknown }>;
  if (typeof entry.size !== "number" || typeof entry.mtimeMs !== "number" || typeof entry.ino !== "number")
    return false;
  return typeof entry.problem === "string" || (typeof entry.value === "object" && entry.value !== null);
}

/**
 * The fields every reader of the index relies on, with the types they rely on: a
 * damaged entry (hand-edited, truncated by another tool) is parsed from its file again
 * rather than trusted. Plain checks, no schema: this runs for every record on every run.
 */
function looksLikeSummary(value: unknown): value is CompactSummary {
  const r = value as Record<string, unknown>;
  return (
    typeof r.type === "string" &&
    typeof r.date === "string" &&
    typeof r.status === "string" &&
    isListOfObjects(r.actions) &&
    isListOfObjects(r.follow_ups) &&
    isListOfObjects(r.rounds) &&
    isMap(r.ratings)
  );
}

function isListOfObjects(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== "object" || item === null) return false;
  return true;
}

function isMap(value: unknown): boolean {
  return value === undefined || (typeof value === "object" && value !== null && !Array.isArray(value));
}

/** A workspace we may not write to (read-only, full disk) just goes without an index. */
function saveCache(root: string, file: string, value: object): void {
  try {
    writeFileSafely(file, JSON.stringify(value), { durable: false, within: root });
  } catch {
    // The index is a cache: failing to save it never fails the command.
  }
}

/** What a file's stat says, marked racy when it was modified moments ago (see Entry.racy). */
function stampOf(stat: Stats): Stamp & { racy?: true } {
  const stamp: Stamp & { racy?: true } = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
  if (stat.mtimeMs > Date.now() - RACY_MS) stamp.racy = true;
  return stamp;
}

/** An entry from a settled stamp that the file still matches: same size, mtime and inode. */
function stillFresh<E extends Stamp & { racy?: true }>(entry: E | undefined, stat: Stats): entry is E {
  return (
    entry !== undefined &&
    !entry.racy &&
    entry.size === stat.size &&
    entry.mtimeMs === stat.mtimeMs &&
    entry.ino === stat.ino
  );
}
