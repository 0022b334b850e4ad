import { join, relative } from "node:path";
import { type Document, isMap, isScalar, isSeq, type Node, parseDocument } from "yaml";
import type { Rep } from "../domain/rep.js";
import { toYaml } from "../domain/to-yaml.js";
import { badInput, runtimeFailure } from "../errors.js";
import { writeFileSafely } from "./files.js";
import { withLockIfFree } from "./lock.js";
import { parseRepProfile } from "./rep-profile.js";
import { repDir } from "./reps.js";
import type { Workspace } from "./workspace.js";
import { readYamlFile } from "./yaml-file.js";

/** What an edit of rep.yaml does to the parsed document, given the rep as it reads now. */
export type ProfileEdit = (profile: ProfileDocument, rep: Rep) => void;

/**
 * Edits a rep's rep.yaml in place: the file is changed through `yaml`'s Document, so a
 * person's comments, key order and keys coach does not know survive. The result must
 * still read as a valid profile, or nothing is written. Returns the rep as edited.
 */
export function editRepProfile(workspace: Workspace, id: string, edit: ProfileEdit): Rep {
  const file = join(repDir(workspace.root, id), "rep.yaml");
  // Named as every file in a problem is: by its path in the workspace.
  const shownAs = relative(workspace.root, file);
  const outcome = withLockIfFree(file, () => {
    const text = readYamlFile(file, undefined, shownAs);
    const before = parseRepProfile(text, shownAs, id);
    if (!before.ok) throw badInput("invalid_yaml", before.problem, "fix the profile by hand first");
    const doc = parseDocument(text, { schema: "core", uniqueKeys: true, logLevel: "silent" });
    edit(new ProfileDocument(doc), before.value);
    const next = doc.toString({ lineWidth: 0 });
    const after = parseRepProfile(next, shownAs, id);
    if (!after.ok) throw badInput("invalid_yaml", after.problem, "the edit was not saved; fix the profile by hand");
    if (next !== text) writeFileSafely(file, next, { within: workspace.root });
    return after.value;
  });
  if (!outcome.locked) throw runtimeFailure("lock_timeout", `${shownAs} is being changed by another coach; try again`);
  return outcome.value;
}

/** The few changes coach makes to a profile, each keeping the rest of the document as it was. */
export class ProfileDocument {
  constructor(private readonly doc: Document) {}

  /** Sets a top-level key (written as coach writes values), or removes it for `undefined`. */
  set(key: string, value: unknown): void {
    if (value === undefined) this.doc.delete(key);
    else this.doc.set(key, yamlNode(value));
  }

  /** Replaces the goal at `index` of `goals:` (a plain string becomes a full entry), or appends one. */
  setGoal(index: number, goal: Record<string, unknown>): void {
    const goals = this.doc.get("goals", true);
    if (!isSeq(goals)) {
      this.doc.set("goals", yamlNode([goal]));
      return;
    }
    const node = yamlNode(goal);
    // `goals: []` as `rep add` writes it would grow into one long flow line: write a list a person can read.
    goals.flow = false;
    const current = goals.items[index];
    // A goal already written as a map keeps its comments: only its changed keys are set.
    if (isMap(current) && isMap(node)) {
      for (const pair of node.items) current.set(pair.key, pair.value);
      return;
    }
    // A plain string's trailing comment moves onto the goal's text.
    const text = isMap(node) ? node.get("text", true) : undefined;
    if (isScalar(current) && current.comment && isScalar(text)) text.comment = current.comment;
    if (index < goals.items.length) goals.items[index] = node;
    else goals.items.push(node);
  }
}

/** A value as a node with coach's quoting (a string reading as a date or `yes` is quoted). */
function yamlNode(value: unknown): Node {
  return parseDocument(toYaml(value), { schema: "core" }).contents as Node;
}
