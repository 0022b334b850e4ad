import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Deal } from "../domain/deal.js";
import { CoachError } from "../errors.js";
import { listRepFolders, recordsDir } from "./records.js";

// The deals of a workspace, listed and read; one deal file parsed or written is deal-file.ts,
// which brings the YAML libraries: a run over a workspace without deals never loads them.

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

/** The deals of one rep or all reps; a file broken by hand is reported through `skip`, not fatal to a list. */
export async function loadDeals(
  root: string,
  rep: string | undefined,
  skip: (problem: string) => void,
): Promise<Deal[]> {
  const paths = listDealPaths(root, rep);
  if (!paths.length) return [];
  const { readDeal } = await import("./deal-file.js");
  return paths.flatMap(({ path }) => {
    try {
      return [readDeal(root, path)];
    } catch (error) {
      if (!(error instanceof CoachError) || !["invalid_record", "invalid_utf8"].includes(error.code)) throw error;
      skip(error.message);
      return [];
    }
  });
}
