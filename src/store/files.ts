import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { badInput, runtimeFailure } from "../errors.js";
import { sweepLeftovers, tempNameFor } from "./leftovers.js";

/** Records hold personal performance data: owner-only. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

export interface WriteOptions {
  /** Not durable: still atomic (never torn), but a crash may lose it (the index, rebuilt when missing). */
  durable?: boolean;
  /** Create only: fail with `record_exists` if the file is already there, never replace it. */
  exclusive?: boolean;
  /** The workspace: nothing is written through a symlink (of the file or a folder) that leads out of it. */
  within?: string;
}

/**
 * Temp file + fsync + rename (or link, to create exclusively), then fsync the folder so
 * the rename itself survives a crash. Synchronous on purpose: a draft saved while the
 * process is being torn down by Ctrl-C must be on disk before the process exits.
 * Our own writer rather than write-file-atomic: its temp names do not say which process
 * wrote them, so a sweep could not tell a dead writer's temp file from a live one's, and
 * it has no exclusive create. It also wrote through symlinks to wherever they pointed.
 */
export function writeFileSafely(path: string, text: string, options: WriteOptions = {}): void {
  const { durable = true, exclusive = false, within } = options;
  const target = within === undefined ? path : insideWorkspace(within, path);
  const dir = dirname(target);
  ensureDir(dir);
  sweepLeftovers(dir);
  const temp = join(dir, tempNameFor(basename(target)));
  try {
    const fd = openSync(temp, "wx", FILE_MODE);
    try {
      writeSync(fd, text);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (exclusive) linkSync(temp, target);
    else renameSync(temp, target);
    if (durable) syncDir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && exclusive)
      throw badInput("record_exists", `${path} already exists`);
    throw runtimeFailure("write_failed", `could not write ${path}: ${(error as Error).message}`, error);
  } finally {
    removeQuietly(temp);
  }
}

/**
 * Where a write to `path` really lands (a symlink inside the workspace is written
 * through, so it stays a link), refused when that is outside the workspace.
 */
export function insideWorkspace(root: string, path: string): string {
  const realRoot = resolved(root) ?? root;
  const real = resolved(path);
  if (real === undefined || (real !== realRoot && !real.startsWith(realRoot + sep))) throw outside(root, path);
  return real;
}

/** The path with every symlink resolved, for parts not made yet too; undefined for a dangling link. */
function resolved(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    if (isSymlink(path)) return undefined;
    const parent = dirname(path);
    if (parent === path) return path;
    const real = resolved(parent);
    return real === undefined ? undefined : join(real, basename(path));
  }
}

function outside(root: string, path: string) {
  return badInput(
    "outside_workspace",
    `${relative(root, path) || path} leads outside the workspace (a symlink); coach writes only inside it`,
    "replace the symlink with the file itself, or move the workspace",
  );
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
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

/**
 * The biggest Markdown file coach reads whole (a record, a deal): its front matter is held
 * to the YAML limit (MAX_YAML_BYTES) and its notes to the rest. Real ones are a few kilobytes;
 * a bigger one is a mistake, and reading it would take seconds and its size in memory.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** `file:1:1: ... over the limit`, for a file refused by its size alone, unread. */
export function fileTooBig(shownAs: string, bytes: number): string {
  const size = (bytes / (1024 * 1024)).toFixed(1);
  return `${shownAs}:1:1: the file is ${size} MB, over the 16 MB limit; shorten it or split it up`;
}

/** `file:1:1: ...` for a folder found where a file should be (made by hand, or by a bad merge). */
export function folderNotFile(shownAs: string): string {
  return `${shownAs}:1:1: a folder where coach expects a file; move or rename the folder`;
}

/**
 * A file's text, refused when it is a folder, over MAX_FILE_BYTES, or not valid UTF-8 (exit 2 with
 * the byte offset): rewriting such a file would silently replace the bytes a person wrote.
 * A BOM is kept.
 */
export function readUtf8Strictly(file: string, shownAs: string): string {
  const fd = openSync(file, "r");
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw badInput("invalid_workspace", folderNotFile(shownAs));
    const { size } = stat;
    if (size > MAX_FILE_BYTES) throw badInput("file_too_big", fileTooBig(shownAs, size), "it was left unchanged");
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  return decodeUtf8Strictly(bytes, shownAs);
}

/** Bytes as text, BOM kept; bytes that are not UTF-8 are refused (exit 2 with the offset), never replaced. */
export function decodeUtf8Strictly(bytes: Uint8Array, shownAs: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw badInput(
      "invalid_utf8",
      `${shownAs}: not valid UTF-8 at byte ${firstInvalidUtf8Byte(bytes)}`,
      "save the file as UTF-8 (or fix that byte by hand); it was left unchanged",
    );
  }
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Sequences are at most 4 bytes: find the first lead byte whose sequence fails alone.
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** What coach keeps in a workspace, by path from its root: a report written there would replace or join it. */
const COACH_OWN = /^(?:coach\.yaml|\.gitignore|(?:reps|templates|\.coach)(?:\/.*)?)$/;

/**
 * A report the user asked for at a path of their choosing (`--out`). A regular file (or
 * a new one) is written atomically; anything else that exists there, such as /dev/null,
 * /dev/stdout or a named pipe, is written into, never replaced. Inside the workspace,
 * no symlink leads the write out of it, and coach's own files and folders are refused:
 * `--out reps/alex-kim/rep.yaml` would have replaced the profile with the report.
 */
export function writeUserFile(path: string, text: string, workspaceRoot: string): void {
  const own = ownPathOf(workspaceRoot, path);
  if (own !== undefined)
    throw badInput(
      "invalid_option",
      `--out: ${own} is among coach's own files (coach.yaml, reps/, templates/, .coach/)`,
      "write the report anywhere else, e.g. --out review.md",
    );
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
  const inWorkspace = workspaceRoot !== undefined && isUnder(workspaceRoot, path);
  writeFileSafely(path, text, inWorkspace ? { within: workspaceRoot } : {});
}

/** `path` from the workspace's root when it is one of coach's own (COACH_OWN), symlinks followed. */
function ownPathOf(root: string, path: string): string | undefined {
  const realRoot = resolved(root) ?? root;
  const real = join(resolved(dirname(path)) ?? dirname(path), basename(path));
  const rel = relative(realRoot, resolved(real) ?? real);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  const own = rel.split(sep).join("/");
  return COACH_OWN.test(own) ? own : undefined;
}

function isUnder(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep);
}

/** Every *.yaml under `dir`, sorted, recursively (templates/<kind>/<id>.yaml). */
export function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}
