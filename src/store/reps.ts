import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod/mini";
import { toYaml } from "../domain/front-matter.js";
import { assertSafeName, assertSafeSegment, closest, isSlug, nameProblem, slugify } from "../domain/ids.js";
import { type Rep, repSchema } from "../domain/rep.js";
import { badInput, CoachError } from "../errors.js";
import { writeFileSafely } from "./files.js";
import { ensureWorkspace, type Workspace } from "./workspace.js";
import { type Parsed, parseYaml, readYamlFile } from "./yaml-source.js";

export function repDir(root: string, id: string): string {
  assertSafeSegment("rep id", id);
  return join(root, "reps", id);
}

export function listRepIds(root: string): string[] {
  const dir = join(root, "reps");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "rep.yaml")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The one reader of rep profiles, for a single rep (loadRep) and for the index (a team
 * review): `reps/<folder>/rep.yaml`'s text -> the rep, or `file:line:col: problem`.
 * The folder is what every path and lookup uses, so a profile claiming another id, which
 * would make the rep unreachable, is refused too.
 */
export function parseRepProfile(text: string, file: string, folder: string): Parsed<Rep> {
  const inItsFolder = repSchema().check(
    z.superRefine((rep, ctx) => {
      const badName = nameProblem(rep.name);
      if (badName) ctx.addIssue({ code: "custom", path: ["name"], message: badName });
      if (rep.id !== folder)
        ctx.addIssue({
          code: "custom",
          message: `id '${rep.id}' does not match its folder '${folder}'; set \`id: ${folder}\` in the profile`,
        });
    }),
  );
  return parseYaml(inItsFolder, text, file);
}

export function loadRep(root: string, id: string): Rep {
  const file = join(repDir(root, id), "rep.yaml");
  const parsed = parseRepProfile(readYamlFile(file), file, id);
  if (!parsed.ok) throw badInput("invalid_yaml", parsed.problem, "fix the profile by hand or re-add the rep");
  return parsed.value;
}

/** Every rep; a profile broken by hand is reported through `skip` and left out, not fatal to a list. */
export function loadAllReps(root: string, skip: (problem: string) => void): Rep[] {
  return listRepIds(root).flatMap((id) => {
    try {
      return [loadRep(root, id)];
    } catch (error) {
      if (!(error instanceof CoachError) || error.code !== "invalid_yaml") throw error;
      skip(error.message);
      return [];
    }
  });
}

/** Finds a rep by id or by name ("Alex Kim" finds alex-kim), or undefined. */
export function findRep(root: string, nameOrId: string): Rep | undefined {
  assertSafeSegment("rep", nameOrId);
  const ids = listRepIds(root);
  if (isSlug(nameOrId) && ids.includes(nameOrId)) return loadRep(root, nameOrId);
  // A name: two reps may carry it (added on two machines, or renamed), and then no guess is safe.
  const named = sameName(root, ids, nameOrId);
  if (named.length > 1)
    throw badInput(
      "ambiguous_rep",
      `ambiguous: '${nameOrId}' is ${named.map((rep) => rep.id).join(" and ")}`,
      `give the id, e.g. \`${named[0]!.id}\``,
    );
  if (named.length === 1) return named[0];
  const id = slugify(nameOrId);
  return id && ids.includes(id) ? loadRep(root, id) : undefined;
}

/** The reps whose name is `name`, ignoring case and surrounding spaces; broken profiles are left out. */
function sameName(root: string, ids: string[], name: string): Rep[] {
  const wanted = name.trim().toLowerCase();
  return loadAllReps(root, () => {}).filter((rep) => rep.name.trim().toLowerCase() === wanted && ids.includes(rep.id));
}

/** Like findRep, but an unknown rep is an exit-2 error with a suggestion. */
export function requireRep(root: string, nameOrId: string): Rep {
  const rep = findRep(root, nameOrId);
  if (rep) return rep;
  throw unknownRep(root, nameOrId);
}

export function unknownRep(root: string, nameOrId: string) {
  const ids = listRepIds(root);
  const guess = closest(slugify(nameOrId) || nameOrId, ids);
  const suggestion = guess
    ? `did you mean '${guess}'? See \`coach rep list\``
    : ids.length
      ? "see `coach rep list`"
      : `add one with \`coach rep add "${nameOrId}"\``;
  return badInput("unknown_rep", `no rep '${nameOrId}'`, suggestion);
}

export function saveRep(workspace: Workspace, rep: Rep): string {
  ensureWorkspace(workspace);
  const file = join(repDir(workspace.root, rep.id), "rep.yaml");
  writeFileSafely(file, toYaml(rep), { within: workspace.root });
  return file;
}

/** A new rep's id: the slug of the name, refused if another rep has it. */
export function newRepId(root: string, name: string): string {
  assertSafeName("the name", name);
  const id = slugify(name);
  if (!id)
    throw badInput(
      "invalid_name",
      `'${name}' has no letters or digits to make an id from`,
      'give the rep a name such as "Alex Kim"',
    );
  if (listRepIds(root).includes(id))
    throw badInput(
      "rep_exists",
      `a rep with id '${id}' already exists`,
      `see \`coach rep show ${id}\`, or add a distinguishing part to the name`,
    );
  return id;
}
