import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { assertSafeName, assertSafeSegment, closest, isSlug, slugify } from "../domain/ids.js";
import type { Rep } from "../domain/rep.js";
import { badInput } from "../errors.js";
import type { Parse } from "./index-cache.js";
import { readProfileThroughIndex } from "./record-index.js";

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

/** Finds a rep by id or by name ("Alex Kim" finds alex-kim), or undefined. */
export async function findRep(root: string, nameOrId: string): Promise<Rep | undefined> {
  assertSafeSegment("rep", nameOrId);
  const ids = listRepIds(root);
  if (!ids.length) return undefined;
  if (isSlug(nameOrId) && ids.includes(nameOrId)) return profileOf(root, nameOrId);
  // A name: every profile is looked at. Two reps may carry it (added on two machines, or
  // renamed), and then no guess is safe.
  const wanted = nameOrId.trim().toLowerCase();
  const named = (await profilesOf(root, ids, () => {})).filter((rep) => rep.name.trim().toLowerCase() === wanted);
  if (named.length > 1)
    throw badInput(
      "ambiguous_rep",
      `ambiguous: '${nameOrId}' is ${named.map((rep) => rep.id).join(" and ")}`,
      `give the id, e.g. \`${named[0]!.id}\``,
    );
  if (named.length === 1) return named[0];
  const id = slugify(nameOrId);
  return id && ids.includes(id) ? profileOf(root, id) : undefined;
}

/**
 * Every rep, through the index like one rep's profile; a profile broken by hand is reported
 * through `skip` and left out, not fatal to a list.
 */
export function loadAllReps(root: string, skip: (problem: string) => void): Promise<Rep[]> {
  return profilesOf(root, listRepIds(root), skip);
}

async function profilesOf(root: string, ids: string[], skip: (problem: string) => void): Promise<Rep[]> {
  const reps: Rep[] = [];
  for (const id of ids) {
    const parsed = await readProfileThroughIndex(root, id, profileReader(id));
    if (parsed?.ok) reps.push(parsed.value);
    else if (parsed) skip(parsed.problem);
  }
  return reps;
}

/** One rep's profile by id, through the index: parsed (and `yaml` loaded) only when rep.yaml changed. */
async function profileOf(root: string, id: string): Promise<Rep | undefined> {
  const parsed = await readProfileThroughIndex(root, id, profileReader(id));
  if (parsed && !parsed.ok) throw badInput("invalid_yaml", parsed.problem, "fix the profile by hand or re-add the rep");
  return parsed?.value;
}

function profileReader(id: string): () => Promise<Parse<Rep>> {
  return async () => {
    const { parseRepProfile } = await import("./rep-profile.js");
    return (text, file) => parseRepProfile(text, file, id);
  };
}

/** Like findRep, but an unknown rep is an exit-2 error with a suggestion. */
export async function requireRep(root: string, nameOrId: string): Promise<Rep> {
  const rep = await findRep(root, nameOrId);
  if (rep) return rep;
  throw unknownRep(root, nameOrId);
}

/** The reps named on a command line, each once, in the order given; an unknown one is exit 2. */
export async function requireReps(root: string, given: string[]): Promise<Rep[]> {
  const reps = new Map<string, Rep>();
  for (const nameOrId of given) {
    const rep = await requireRep(root, nameOrId);
    if (!reps.has(rep.id)) reps.set(rep.id, rep);
  }
  return [...reps.values()];
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
