import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import type { RecordSummary, StoredRecord, SummaryFields } from "../domain/record.js";
import { isRecordFileName, RECORD_SCHEMA } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import {
  type Entry,
  INDEX_DIR,
  INDEX_VERSION,
  isEntry,
  isMap,
  NO_THROW,
  type Parse,
  parseEntry,
  readCache,
  type Stamp,
  saveCache,
  stampOf,
  stillFresh,
} from "./index-cache.js";
import { isLeftover, sweepLeftovers } from "./leftovers.js";
import { type Parsed, refusedUnread } from "./yaml-file.js";

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
 * (index-cache.ts has what every part of the index shares.)
 */
/**
 * A summary as a shard keeps it: `schema`, `id` and `rep` are left out when they are what
 * the file's name and folder say (they are put back on reading). Smaller entries are
 * less JSON to parse on every run.
 */
type CompactSummary = Omit<SummaryFields, "schema" | "id" | "rep"> &
  Partial<Pick<SummaryFields, "schema" | "id" | "rep">> & { [key: string]: unknown };

interface Shard {
  version: number;
  folder: string;
  profile?: Entry<Rep>;
  files: Record<string, Entry<CompactSummary>>;
  /** The records folder as last listed (see recordNames). */
  listing?: Listing;
}

/**
 * The records folder's stamp, taken before it was listed, and how many records `files` then
 * named. Adding, removing or renaming a file (every write renames a temp file into place)
 * changes a folder's mtime, so while the stamp holds, `files` names every record in it and
 * the folder need not be listed again: for 10,000 records that is a hundred readdir calls saved.
 */
type Listing = Stamp & { racy?: true; count: number };

export interface FolderRead {
  records: StoredRecord[];
  skipped: string[];
  /** The rep's profile, when asked for: undefined when the folder has no rep.yaml. */
  profile?: Parsed<Rep>;
}

/**
 * Loaders of the readers that parse a file's text, called only when a file must be parsed:
 * a reader brings the YAML libraries, which most runs, finding every file unchanged, never load.
 */
export interface ReaderLoaders {
  /** Loads the reader of a record file into its summary (record-file.ts's parseRecordSummary). */
  summary(): Promise<Parse<RecordSummary>>;
  /** Loads the reader of rep.yaml into the profile; given only by callers that want the profile too. */
  profile?(): Promise<Parse<Rep>>;
}

/**
 * The records of `reps/<rep>/records`, oldest first, through the rep's shard: unchanged
 * files come from the shard, changed and new ones are parsed, deleted ones dropped. The
 * shard is rewritten (atomically) only when something changed.
 */
export async function readFolderThroughIndex(root: string, rep: string, readers: ReaderLoaders): Promise<FolderRead> {
  const folder = join("reps", rep, "records");
  const dir = root + sep + folder + sep;
  const shardFile = join(root, INDEX_DIR, `${rep}.json`);
  const known = loadShard(shardFile, folder);
  let changed = !known;
  const records: StoredRecord[] = [];
  const skipped: string[] = [];

  let profile = known?.profile;
  let profileRead: Parsed<Rep> | undefined;
  if (readers.profile) {
    const fresh = await freshProfile(root, rep, profile, readers.profile);
    if (fresh !== profile) changed = true;
    profile = fresh;
    profileRead = profile && verdictOf(profile);
  }

  const { names, listing } = recordNames(root + sep + folder, known);
  if (!sameListing(listing, known?.listing)) changed = true;
  const entries: (Entry<CompactSummary> | undefined)[] = new Array(names.length);
  let summarize: Parse<RecordSummary> | undefined;
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
      summarize ??= await readers.summary();
      entry = parseEntry(dir + name, path, stat, summarize, (summary) => compact(summary, name, rep));
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
    // A file gone between listing and stat leaves `files` short of the listing: list again next time.
    const whole = listing && Object.keys(files).length === listing.count;
    const shard: Shard = {
      version: INDEX_VERSION,
      folder,
      ...(profile ? { profile } : {}),
      files,
      ...(whole ? { listing } : {}),
    };
    saveCache(root, shardFile, shard);
  }
  return { records, skipped, ...(readers.profile ? { profile: profileRead } : {}) };
}

/**
 * A rep's profile alone, through the rep's shard, for commands about one rep or a list of
 * reps: undefined when the folder has no rep.yaml. A changed profile is parsed and kept in
 * the shard, whose records' entries are left as they were (they are checked when the records
 * are read); a rep without a shard yet gets one holding the profile alone.
 */
export async function readProfileThroughIndex(
  root: string,
  rep: string,
  loadReader: NonNullable<ReaderLoaders["profile"]>,
): Promise<Parsed<Rep> | undefined> {
  const folder = join("reps", rep, "records");
  const shardFile = join(root, INDEX_DIR, `${rep}.json`);
  const known = loadShard(shardFile, folder);
  const profile = await freshProfile(root, rep, known?.profile, loadReader);
  // A broken profile is parsed again on every read anyway (see freshProfile): nothing to keep.
  if (profile?.value && profile !== known?.profile) {
    const shard: Shard = known ? { ...known, profile } : { version: INDEX_VERSION, folder, profile, files: {} };
    saveCache(root, shardFile, shard);
  }
  return profile && verdictOf(profile);
}

/** The profile's entry: `before` while rep.yaml is unchanged, parsed again otherwise, undefined without one. */
async function freshProfile(
  root: string,
  rep: string,
  before: Entry<Rep> | undefined,
  loadReader: NonNullable<ReaderLoaders["profile"]>,
): Promise<Entry<Rep> | undefined> {
  const path = join("reps", rep, "rep.yaml");
  const stat = statSync(join(root, path), NO_THROW);
  if (!stat) return undefined;
  // A broken profile is read again each time: one rep's commands stop on it, so it is soon fixed.
  if (stillFresh(before, stat) && before.value && looksLikeProfile(before.value)) return before;
  // Refused unread (a folder, or over the size limit), as readYamlFile refuses any YAML file.
  const refused = refusedUnread(stat, path);
  if (refused) return { ...stampOf(stat), problem: refused };
  return parseEntry(join(root, path), path, stat, await loadReader(), (profile) => profile);
}

function verdictOf(profile: Entry<Rep>): Parsed<Rep> {
  return profile.value ? { ok: true, value: profile.value } : { ok: false, problem: profile.problem! };
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

/**
 * The record files' names, sorted: from the shard while the folder's stamp holds and the
 * shard still names as many records as it did, listed from the folder otherwise. The listing
 * is undefined when it must not be trusted next time: no folder, or leftovers in it (a
 * killed writer's temp file or lock), which only a listing finds and sweeps.
 */
function recordNames(dir: string, known: Shard | undefined): { names: string[]; listing?: Listing } {
  const stat = statSync(dir, NO_THROW);
  if (!stat) return { names: [] };
  if (known?.listing && stillFresh(known.listing, stat)) {
    const names = Object.keys(known.files).filter(isRecordFileName);
    if (names.length === known.listing.count) return { names: names.sort(), listing: known.listing };
  }
  let all: string[];
  try {
    all = readdirSync(dir);
  } catch {
    return { names: [] };
  }
  const names = all.filter(isRecordFileName).sort();
  // What a killed writer left (a temp file, its lock) is cleared by the next run that sees it.
  if (all.some(isLeftover)) {
    sweepLeftovers(dir);
    return { names };
  }
  return { names, listing: { ...stampOf(stat), count: names.length } };
}

function sameListing(a: Listing | undefined, b: Listing | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.racy === b.racy && a.count === b.count;
}

/** The shard, or undefined when it is missing, unreadable, damaged or from another version. */
function loadShard(file: string, folder: string): Shard | undefined {
  const shard = readCache(file) as Partial<Shard> | undefined;
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

/** The same for a kept profile, checked only when a profile is asked for. */
function looksLikeProfile(value: unknown): boolean {
  const r = value as Record<string, unknown>;
  return (
    typeof r.id === "string" &&
    typeof r.name === "string" &&
    typeof r.role === "string" &&
    (r.style === null || typeof r.style === "string") &&
    (r.focus_stage === null || typeof r.focus_stage === "string") &&
    Array.isArray(r.goals) &&
    isListOfObjects(r.goals) &&
    (r.strengths === undefined || (Array.isArray(r.strengths) && r.strengths.every((s) => typeof s === "string")))
  );
}

function isListOfObjects(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== "object" || item === null) return false;
  return true;
}
