import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Deal } from "../domain/deal.js";
import { CoachError } from "../errors.js";
import { readDealsThroughIndex } from "./file-index.js";
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
  for (const { rep: owner, path } of paths) byRep.set(owner, [...(byRep.get(owner) ?? []), path]);
  const read = new Map<string, Parsed<Deal>>();
  for (const [owner, itsPaths] of byRep)
    for (const [path, parsed] of await readDealsThroughIndex(root, owner, itsPaths, loadDealReader))
      read.set(path, parsed);
  const deals: Deal[] = [];
  for (const { path } of paths) {
    const parsed = read.get(path);
    if (parsed?.ok) deals.push(parsed.value);
    else if (parsed) skip(parsed.problem);
  }
  return deals;
}

/** The reader of one deal file: parsing it brings `yaml`, so it is loaded only when a deal changed. */
async function loadDealReader(): Promise<(root: string, path: string) => Parsed<Deal>> {
  const { readDeal } = await import("./deal-file.js");
  return (root, path) => {
    try {
      return { ok: true, value: readDeal(root, path) };
    } catch (error) {
      if (!(error instanceof CoachError) || !["invalid_record", "invalid_utf8"].includes(error.code)) throw error;
      return { ok: false, problem: error.message };
    }
  };
}
