import { readFileSync, type Stats } from "node:fs";
import { join } from "node:path";
import { fileTooBig, folderNotFile, MAX_FILE_BYTES, writeFileSafely } from "./files.js";
import type { Parsed } from "./yaml-file.js";

/**
 * What every part of the index (.coach/index/) shares: an entry keeps a file's parsed,
 * checked contents with the stamp (size, mtime, inode) it had when read, and is trusted only
 * while the file still has that stamp. The files stay the only source of truth; a missing,
 * corrupt or outdated part of the index is rebuilt without a word.
 *
 * Bump INDEX_VERSION whenever what an entry keeps changes, or a schema changes what a
 * valid file parses to (a new default, a renamed field): old entries are then rebuilt.
 */
export const INDEX_VERSION = 4;
export const INDEX_DIR = join(".coach", "index");

export interface Stamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export type Parse<T> = (text: string, file: string) => Parsed<T>;

export interface Entry<T> extends Stamp {
  /** The parsed, checked contents (a record's summary, a profile, a template, a deal, coach.yaml). */
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

export const NO_THROW = { throwIfNoEntry: false } as const;
const RACY_MS = 3000;

/**
 * The entry for a file found changed (or new) by `stat`, which was taken before the read:
 * a file changed in between still looks changed next time.
 */
export function parseEntry<T, Kept = T>(
  file: string,
  shownAs: string,
  stat: Stats,
  parse: Parse<T>,
  keep: (value: T) => Kept,
): Entry<Kept> {
  const stamp = stampOf(stat);
  if (stat.isDirectory()) return { ...stamp, problem: folderNotFile(shownAs) };
  if (stat.size > MAX_FILE_BYTES) return { ...stamp, problem: fileTooBig(shownAs, stat.size) };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    // Not trusted (racy): fixing a file's permissions changes none of its stamp.
    return {
      ...stamp,
      racy: true,
      problem: `${shownAs}:1:1: could not read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
  const parsed = parse(text, shownAs);
  return parsed.ok ? { ...stamp, value: keep(parsed.value) } : { ...stamp, problem: parsed.problem };
}

export function isEntry(value: unknown): value is Entry<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Entry<unknown>;
  if (typeof entry.size !== "number" || typeof entry.mtimeMs !== "number" || typeof entry.ino !== "number")
    return false;
  return typeof entry.problem === "string" || (typeof entry.value === "object" && entry.value !== null);
}

export function isMap(value: unknown): boolean {
  return value === undefined || (typeof value === "object" && value !== null && !Array.isArray(value));
}

/** A part of the index as JSON, or undefined when it is missing or unreadable. */
export function readCache(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** A workspace we may not write to (read-only, full disk) just goes without an index. */
export function saveCache(root: string, file: string, value: object): void {
  try {
    writeFileSafely(file, JSON.stringify(value), { durable: false, within: root });
  } catch {
    // The index is a cache: failing to save it never fails the command.
  }
}

/** What a file's stat says, marked racy when it was modified moments ago (see Entry.racy). */
export function stampOf(stat: Stats): Stamp & { racy?: true } {
  const stamp: Stamp & { racy?: true } = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
  if (stat.mtimeMs > Date.now() - RACY_MS) stamp.racy = true;
  return stamp;
}

/** An entry from a settled stamp that the file still matches: same size, mtime and inode. */
export function stillFresh<E extends Stamp & { racy?: true }>(entry: E | undefined, stat: Stats): entry is E {
  return (
    entry !== undefined &&
    !entry.racy &&
    entry.size === stat.size &&
    entry.mtimeMs === stat.mtimeMs &&
    entry.ino === stat.ino
  );
}
