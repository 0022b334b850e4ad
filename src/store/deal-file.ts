import { join, relative } from "node:path";
import type { Config } from "../domain/config.js";
import { assertOpen, type Deal, dealSchema, renderDealBody, uniqueDealId } from "../domain/deal.js";
import { inKeyOrderOf, splitFrontMatter } from "../domain/front-matter.js";
import { assertSafeSegment, closest, isSlug, slugify } from "../domain/ids.js";
import { joinFrontMatter } from "../domain/to-yaml.js";
import { badInput, CoachError, runtimeFailure } from "../errors.js";
import { type DealFile, dealsDir, listDealPaths } from "./deals.js";
import { readUtf8Strictly, writeFileSafely } from "./files.js";
import { withLockIfFree } from "./lock.js";
import type { Workspace } from "./workspace.js";
import { ensureWorkspace } from "./workspace-setup.js";
import type { Parsed } from "./yaml-file.js";
import { parseYaml } from "./yaml-source.js";

/** A deal update waits this long for another writer of the same deal; they take milliseconds. */
const LOCK_WAIT_MS = 15_000;

export function parseDeal(text: string, path: string): Parsed<Deal> {
  const split = splitFrontMatter(text);
  if (!split)
    return {
      ok: false,
      problem: `${path}:1:1: no front matter; a deal starts with a '---' line and ends it with another`,
    };
  return parseYaml(dealSchema(), split.frontMatter, path, split.firstLine);
}

export function readDeal(root: string, path: string): Deal {
  const parsed = parseDeal(readUtf8Strictly(join(root, path), path), path);
  if (!parsed.ok)
    throw badInput("invalid_record", parsed.problem, "fix the front matter by hand; the deal was left unchanged");
  return parsed.value;
}

/**
 * A deal by id, or by name ("Acme Renewal" finds acme-renewal); unknown is exit 2 with a
 * did-you-mean. Two reps' folders can hold the same id after a merge (each manager added
 * "Acme renewal"): then `rep`'s own is meant, and without one the id is ambiguous.
 */
export function requireDeal(root: string, idOrName: string, rep?: string): DealFile {
  assertSafeSegment("deal", idOrName);
  const id = isSlug(idOrName) ? idOrName : slugify(idOrName);
  const paths = listDealPaths(root);
  const matches = paths.filter((entry) => entry.id === id);
  const found = matches.length > 1 ? matches.find((entry) => entry.rep === rep) : matches[0];
  if (found) return { deal: readDeal(root, found.path), path: found.path };
  if (matches.length > 1)
    throw badInput(
      "ambiguous_deal",
      `deal '${id}' is in ${matches.length} reps' folders: ${matches.map((entry) => entry.path).join(", ")}`,
      "rename all but one (the file and its `id:`), so each deal's id is its own",
    );
  const ids = paths.map((entry) => entry.id);
  const guess = closest(id || idOrName, ids);
  throw badInput(
    "unknown_deal",
    `no deal '${idOrName}'`,
    guess
      ? `did you mean '${guess}'? See \`coach deal list --all\``
      : ids.length
        ? "see `coach deal list --all`"
        : 'add one with `coach deal add <rep> "Acme renewal"`',
  );
}

/**
 * The deal `--deal` names for a run with one rep: it must be that rep's, and still open.
 * `forItsRep` is the command line that does the same for the deal's own rep.
 */
export function requireRepDeal(
  root: string,
  idOrName: string,
  rep: string,
  doing: string,
  forItsRep: (deal: Deal) => string,
): Deal {
  const { deal } = requireDeal(root, idOrName, rep);
  if (deal.rep !== rep)
    throw badInput("invalid_option", `--deal: '${deal.id}' is ${deal.rep}'s deal, not ${rep}'s`, forItsRep(deal));
  assertOpen(deal, doing);
  return deal;
}

function dealText(config: Config, deal: Deal, like?: Deal): string {
  const ordered = like ? inKeyOrderOf(deal, like) : deal;
  return joinFrontMatter(ordered, renderDealBody(config, deal));
}

/**
 * Writes a new deal under a fresh id: the slug of its name, or the next free `-2`, `-3`.
 * The file is created exclusively, so two processes adding "Acme" get acme and acme-2.
 */
export function createDeal(workspace: Workspace, name: string, make: (id: string) => Deal): DealFile {
  ensureWorkspace(workspace);
  const taken = new Set(listDealPaths(workspace.root).map((entry) => entry.id));
  for (;;) {
    const deal = make(uniqueDealId(name, taken));
    const path = relative(workspace.root, join(dealsDir(workspace.root, deal.rep), `${deal.id}.md`));
    try {
      writeFileSafely(join(workspace.root, path), dealText(workspace.config, deal), {
        exclusive: true,
        within: workspace.root,
      });
      return { deal, path };
    } catch (error) {
      if (!(error instanceof CoachError) || error.code !== "record_exists") throw error;
      taken.add(deal.id);
    }
  }
}

/**
 * Read, change and rewrite one deal under its lock, so parallel updates of one deal
 * (two gates recorded at once) each land on the other's result; the write is atomic.
 * `rep`, when known, picks that rep's deal of an id two reps' folders hold (see requireDeal).
 */
export function updateDeal(
  workspace: Workspace,
  idOrName: string,
  change: (deal: Deal) => Deal,
  rep?: string,
): DealFile {
  const { path } = requireDeal(workspace.root, idOrName, rep);
  const file = join(workspace.root, path);
  const result = withLockIfFree(
    file,
    () => {
      const before = readDeal(workspace.root, path);
      const after = change(before);
      writeFileSafely(file, dealText(workspace.config, after, before), { within: workspace.root });
      return after;
    },
    LOCK_WAIT_MS,
  );
  if (!result.locked)
    throw runtimeFailure(
      "lock_timeout",
      `${path} stayed locked by another coach for ${LOCK_WAIT_MS / 1000}s; try again`,
    );
  return { deal: result.value, path };
}
