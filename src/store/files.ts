import { closeSync, fsyncSync, mkdirSync, openSync, rmdirSync, type Stats, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { badInput, runtimeFailure } from "../errors.js";
import { writeFileAtomicLib } from "../on-demand.js";

/** Records hold personal performance data: owner-only. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/**
 * Temp file + fsync + rename, then fsync the folder so the rename itself survives a
 * crash. Synchronous on purpose: a draft saved while the process is being torn down by
 * Ctrl-C must be on disk before the process exits.
 */
export function writeFileSafely(path: string, text: string, { durable = true }: { durable?: boolean } = {}): void {
  ensureDir(dirname(path));
  try {
    // Not durable: still atomic (never torn), but a crash may lose it; for derived files
    // such as the index, which are rebuilt when missing, and where fsync is most of the cost.
    writeFileAtomicLib().sync(path, text, { mode: FILE_MODE, fsync: durable });
    if (durable) syncDir(dirname(path));
  } catch (error) {
    throw runtimeFailure("write_failed", `could not write ${path}: ${(error as Error).message}`, error);
  }
}

function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `update` while holding `<path>.lock` (a folder: mkdir is atomic everywhere).
 * Only read-modify-write of an existing record needs it; new records are new files.
 * A lock left by a crashed process is taken over once it is older than 30 seconds.
 */
export function withFileLock<T>(path: string, update: () => T): T {
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      mkdirSync(lock, { mode: DIR_MODE });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw runtimeFailure("lock_failed", `could not lock ${path}: ${(error as Error).message}`, error);
      if (isStale(lock)) {
        removeLock(lock);
        continue;
      }
      if (Date.now() > deadline) {
        throw runtimeFailure(
          "lock_timeout",
          `${lock} has been held for over ${LOCK_WAIT_MS / 1000}s; if no coach process is running, delete it and try again`,
        );
      }
      Atomics.wait(sleeper, 0, 0, wait);
    }
  }
  try {
    return update();
  } finally {
    removeLock(lock);
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false;
  }
}

function removeLock(lock: string): void {
  try {
    rmdirSync(lock);
  } catch {
    // Already gone: another process took over a stale lock.
  }
}

/**
 * A report the user asked for at a path of their choosing (`--out`). A regular file (or
 * a new one) is written atomically; anything else that exists there, such as /dev/null,
 * /dev/stdout or a named pipe, is written into, never replaced.
 */
export function writeUserFile(path: string, text: string): void {
  let stat: Stats | undefined;
  try {
    stat = statSync(path);
  } catch {
    // Not there yet: a new regular file.
  }
  if (stat?.isDirectory())
    throw badInput("invalid_option", `--out: ${path} is a folder`, "give a file name, e.g. --out review.md");
  if (stat && !stat.isFile()) {
    try {
      writeFileSync(path, text);
    } catch (error) {
      throw runtimeFailure("write_failed", `could not write ${path}: ${(error as Error).message}`, error);
    }
    return;
  }
  writeFileSafely(path, text);
}
