import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { FILE_MODE } from "./files.js";
import { lockOwnerText, removeAbandonedLock, tempNameFor } from "./leftovers.js";

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `update` holding `<path>.lock`, or returns `{ locked: false }` without running it
 * when the lock stays held for `waitMs`. Only conveniences need it (ticking a checklist
 * line): the truth is never written under a lock, so a busy lock is never an error.
 *
 * The lock is a file created whole by link() (atomic, and it fails if the lock exists)
 * naming its owner's pid and host, so: it is released only by its owner; it is abandoned
 * exactly when its owner no longer runs (a SIGKILL blocks nobody); and taking over an
 * abandoned one is a rename that only one process can win (see removeAbandonedLock).
 */
export function withLockIfFree<T>(
  path: string,
  update: () => T,
  waitMs = 3000,
): { locked: true; value: T } | { locked: false } {
  const lock = `${path}.lock`;
  const owner = lockOwnerText(Math.random().toString(36).slice(2));
  const temp = join(dirname(lock), tempNameFor(basename(lock)));
  writeFileSync(temp, owner, { mode: FILE_MODE, flag: "wx" });
  const deadline = Date.now() + waitMs;
  let held = false;
  try {
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      try {
        linkSync(temp, lock);
        held = true;
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      if (removeAbandonedLock(lock)) continue;
      if (Date.now() > deadline) return { locked: false };
      Atomics.wait(sleeper, 0, 0, wait);
    }
  } finally {
    unlinkQuietly(temp);
  }
  try {
    return { locked: true, value: update() };
  } finally {
    if (held) release(lock, owner);
  }
}

/** Removes the lock only if it is still ours. */
function release(lock: string, owner: string): void {
  try {
    if (readFileSync(lock, "utf8") === owner) unlinkSync(lock);
  } catch {
    // Gone already.
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}
