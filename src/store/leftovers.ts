import { linkSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, type Stats } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/**
 * What a killed process can leave in a folder, and the sweep that clears it: temp files
 * named after the process that wrote them (`.<file>.<pid>.<random>.tmp`) and lock files
 * (`<file>.lock`) that name their owner. Either is removed once its owner no longer runs,
 * so a SIGKILL never blocks the next command for long, and nothing is left behind.
 */

const TEMP = /^\.(.+)\.(\d+)\.([0-9a-z]+)\.tmp$/;
const LOCK = /\.lock$/;
/** A lock whose owner cannot be known (a folder from an older coach, an unreadable file) is old after this. */
const OWNERLESS_STALE_MS = 1000;
/** No coach process holds a lock or a temp file this long; a pid reused by another program is not trusted beyond it. */
const ANY_STALE_MS = 60_000;

export function tempNameFor(base: string): string {
  return `.${base}.${process.pid}.${randomSuffix()}.tmp`;
}

function randomSuffix(): string {
  return Math.floor(Math.random() * 36 ** 8).toString(36);
}

export function isLeftover(name: string): boolean {
  return TEMP.test(name) || LOCK.test(name);
}

/** Whether process `pid` runs on this machine (EPERM: it runs, as another user). */
export function processRuns(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What a lock file holds: who owns it. */
export function lockOwnerText(token: string): string {
  return `${process.pid} ${hostname()} ${token}\n`;
}

/** Whether the lock (file or folder) at `path`, as `stat` saw it, is abandoned. */
export function isAbandonedLock(path: string, stat: Stats, now = Date.now()): boolean {
  const age = now - stat.mtimeMs;
  if (age > ANY_STALE_MS) return true;
  if (!stat.isFile()) return age > OWNERLESS_STALE_MS;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return age > OWNERLESS_STALE_MS;
  }
  const [pid, host] = text.trim().split(" ");
  if (!pid || !host) return age > OWNERLESS_STALE_MS;
  // Another machine's process cannot be asked (a folder shared over the network): only age tells.
  if (host !== hostname()) return false;
  return !processRuns(Number(pid));
}

/**
 * Removes an abandoned lock so that exactly one process does it: the lock is renamed to
 * a name of our own first (only one rename of it can succeed), and deleted only if it is
 * still the lock that was judged abandoned (same inode). A live lock renamed by mistake
 * (taken between the check and the rename) is put back. Returns false if it was live.
 */
export function removeAbandonedLock(path: string): boolean {
  let before: Stats;
  try {
    before = lstatSync(path);
  } catch {
    return true;
  }
  if (!isAbandonedLock(path, before)) return false;
  const aside = join(dirname(path), tempNameFor(`${basename(path)}.stale`));
  try {
    renameSync(path, aside);
  } catch {
    return true; // Someone else moved it first.
  }
  const moved = lstatSync(aside, { throwIfNoEntry: false });
  if (moved && (moved.ino !== before.ino || moved.dev !== before.dev)) {
    // A fresh lock, made after our check: put it back unless another was made meanwhile.
    try {
      // link fails if a lock was made there meanwhile; a folder (an older coach's) can only be renamed.
      if (moved.isFile()) linkSync(aside, path);
      else renameSync(aside, path);
      if (moved.isFile()) rmSync(aside, { force: true });
      return false;
    } catch {
      // Removed below; its owner finds its lock gone and its release leaves the new one alone.
    }
  }
  rmSync(aside, { recursive: true, force: true });
  return true;
}

/**
 * Clears a folder of what killed processes left there. Cheap enough for every write:
 * one readdir, and only names that look like leftovers are looked at further.
 */
export function sweepLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const temp = TEMP.exec(name);
    if (temp) {
      const path = join(dir, name);
      const stat = lstatSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (!processRuns(Number(temp[2])) || Date.now() - stat.mtimeMs > ANY_STALE_MS)
        rmSync(path, { recursive: true, force: true });
    } else if (LOCK.test(name)) removeAbandonedLock(join(dir, name));
  }
}
