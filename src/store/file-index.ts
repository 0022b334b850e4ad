import { statSync } from "node:fs";
import { join } from "node:path";
import { VERSION } from "../version.js";
import {
  type Entry,
  INDEX_DIR,
  INDEX_VERSION,
  isEntry,
  isMap,
  NO_THROW,
  readCache,
  saveCache,
  stampOf,
  stillFresh,
} from "./index-cache.js";
import type { Parsed } from "./yaml-file.js";

// The files a person edits that many runs read, coach.yaml, the workspace's own templates
// and the deals, kept checked in the index: a run over unchanged files parses no YAML for them.

/** Where coach.yaml's checked contents are kept: `_` starts no rep id (a folder under reps/ so named costs time, not correctness). */
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
  const entry: ConfigEntry = { version: INDEX_VERSION, coach: VERSION, ...stampOf(stat), value };
  saveCache(root, entryFile, entry);
  return value;
}

interface ConfigEntry extends Entry<object> {
  version: number;
  /** The release that checked it: a new one may bring new defaults (the built-in stages). */
  coach: string;
}

function loadConfigEntry(file: string): ConfigEntry | undefined {
  const entry = readCache(file) as Partial<ConfigEntry> | undefined;
  if (!isEntry(entry) || entry.version !== INDEX_VERSION || entry.coach !== VERSION) return undefined;
  const config = entry.value as { stages?: unknown; cadence?: unknown } | undefined;
  const checked = config && Array.isArray(config.stages) && isMap(config.cadence) && config.cadence !== undefined;
  return checked ? (entry as ConfigEntry) : undefined;
}

/** What a part of the index keeps for a set of files, each by its path in the workspace. */
interface FilesEntry<T> {
  version: number;
  coach: string;
  /** What the files were checked against, when that matters (coach.yaml's contents, for templates). */
  against?: string;
  files: Record<string, Entry<T>>;
}

export interface KeptFiles<T> {
  /** The part of the index that keeps them, under .coach/index/. */
  entryFile: string;
  against?: string;
  /** Cheap checks of what readers of a kept value rely on: a damaged entry is read again. */
  looksRight(value: unknown): boolean;
  /** Loads the reader of one file (by its path in the workspace): called only when one must be read. */
  loadReader(): Promise<(path: string) => Parsed<T>>;
  /**
   * A broken file is the run's error (a template): it stops the read and is never kept.
   * Otherwise (a deal) its problem is kept, so its warning repeats with no re-parse.
   */
  brokenStops: boolean;
}

/**
 * Files a person edits that many runs read (the workspace's own templates, a rep's deals),
 * parsed and checked, from the index while each file is unchanged: a workspace made from a
 * methodology pack holds a dozen templates, and a team review reads every rep's deals, and
 * parsing them took longer than the rest of a review. A file gone since it was listed is
 * left out; results come in the order of `paths`.
 */
export async function readFilesThroughIndex<T>(
  root: string,
  paths: string[],
  how: KeptFiles<T>,
): Promise<Map<string, Parsed<T>>> {
  const known = loadFilesEntry<T>(how.entryFile, how.against);
  const kept: Record<string, Entry<T>> = {};
  let read: ((path: string) => Parsed<T>) | undefined;
  let changed = !known || Object.keys(known.files).length !== paths.length;
  const results = new Map<string, Parsed<T>>();
  for (const path of paths) {
    const stat = statSync(join(root, path), NO_THROW);
    if (!stat) continue;
    const before = known?.files[path];
    const trusted =
      stillFresh(before, stat) && isEntry(before) && (before.problem !== undefined || how.looksRight(before.value));
    let entry: Entry<T>;
    if (trusted) entry = before;
    else {
      changed = true;
      read ??= await how.loadReader();
      const parsed = read(path);
      entry = parsed.ok ? { ...stampOf(stat), value: parsed.value } : { ...stampOf(stat), problem: parsed.problem };
    }
    results.set(path, entry.value ? { ok: true, value: entry.value } : { ok: false, problem: entry.problem! });
    if (entry.value || !how.brokenStops) kept[path] = entry;
    else break;
  }
  if (changed) {
    const entry: FilesEntry<T> = { version: INDEX_VERSION, coach: VERSION, against: how.against, files: kept };
    saveCache(root, how.entryFile, entry);
  }
  return results;
}

function loadFilesEntry<T>(file: string, against: string | undefined): FilesEntry<T> | undefined {
  const entry = readCache(file) as Partial<FilesEntry<T>> | undefined;
  if (!entry || entry.version !== INDEX_VERSION || entry.coach !== VERSION || entry.against !== against)
    return undefined;
  return typeof entry.files === "object" && entry.files !== null ? (entry as FilesEntry<T>) : undefined;
}
