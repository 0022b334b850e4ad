import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Deal } from "../domain/deal.js";
import { CoachError } from "../errors.js";
import { type KeptFiles, readFilesThroughIndex } from "./file-index.js";
import { INDEX_DIR } from "./index-cache.js";
import { listRepFolders, recordsDir } from "./records.js";
import type { Parsed } from "./yaml-file.js";

// The deals of a workspace, listed and read through the index; one deal file parsed or
// written is deal-file.ts, which brings the YAML libraries, loaded only for a changed deal.

const DEAL_FILE = /^([^.].*)\.md$/;

export interface DealFile {
  deal: Deal;
  /** Relative to the workspace. */
  path: string;
}

export function dealsDir(root: string, rep: string): string {
  return join(recordsDir(root, rep), "..", "deals");
}

/** Every deal file of the workspace (or of one rep), as `{rep, id, path}`, sorted by id. */
export function listDealPaths(root: string, rep?: string): { rep: string; id: string; path: string }[] {
  const reps = rep ? [rep] : listRepFolders(root);
  return reps
    .flatMap((repId) => {
      const dir = dealsDir(root, repId);
      if (!existsSync(dir)) return [];
      return readdirSync(dir).flatMap((name) => {
        const id = DEAL_FILE.exec(name)?.[1];
        return id ? [{ rep: repId, id, path: relative(root, join(dir, name)) }] : [];
      });
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The deals of one rep or all reps, in id order, through the index; a file broken by hand
 * is reported through `skip`, not fatal to a list.
 */
export async function loadDeals(
  root: string,
  rep: string | undefined,
  skip: (problem: string) => void,
): Promise<Deal[]> {
  const paths = listDealPaths(root, rep);
  const byRep = new Map<string, string[]>();
  for (const { rep: owner, path } of paths) {
    const list = byRep.get(owner) ?? [];
    list.push(path);
    byRep.set(owner, list);
  }
  const read = new Map<string, Parsed<Deal>>();
  for (const [owner, itsPaths] of byRep)
    for (const [path, parsed] of await readFilesThroughIndex(root, itsPaths, keptDeals(root, owner)))
      read.set(path, parsed);
  const deals: Deal[] = [];
  for (const { path } of paths) {
    const parsed = read.get(path);
    if (parsed?.ok) deals.push(parsed.value);
    else if (parsed) skip(parsed.problem);
  }
  return deals;
}

/** How the index keeps a rep's deals: a broken one is a warning, kept with its problem. */
function keptDeals(root: string, rep: string): KeptFiles<Deal> {
  return {
    // `.` is in no rep id (a folder under reps/ so named costs time, not correctness).
    entryFile: join(root, INDEX_DIR, `${rep}.deals.json`),
    looksRight: (value) => {
      const d = value as Record<string, unknown>;
      return (
        ["id", "rep", "name", "stage", "status"].every((key) => typeof d[key] === "string") &&
        typeof d.gates === "object" &&
        d.gates !== null
      );
    },
    loadReader: () => loadDealReader(root),
    brokenStops: false,
  };
}

/** The reader of one deal file: parsing it brings `yaml`, so it is loaded only when a deal changed. */
async function loadDealReader(root: string): Promise<(path: string) => Parsed<Deal>> {
  const { readDeal } = await import("./deal-file.js");
  return (path) => {
    try {
      return { ok: true, value: readDeal(root, path) };
    } catch (error) {
      if (
        !(error instanceof CoachError) ||
        !["invalid_record", "invalid_utf8", "file_too_big", "invalid_workspace"].includes(error.code)
      )
        throw error;
      return { ok: false, problem: error.message };
    }
  };
}
