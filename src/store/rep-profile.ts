import { join } from "node:path";
import * as z from "zod/mini";
import { nameProblem } from "../domain/ids.js";
import { type Rep, repSchema } from "../domain/rep.js";
import { toYaml } from "../domain/to-yaml.js";
import { badInput, CoachError } from "../errors.js";
import { writeFileSafely } from "./files.js";
import { listRepIds, repDir } from "./reps.js";
import type { Workspace } from "./workspace.js";
import { ensureWorkspace } from "./workspace-setup.js";
import { type Parsed, readYamlFile } from "./yaml-file.js";
import { parseYaml } from "./yaml-source.js";

// A rep's profile, reps/<id>/rep.yaml, read whole or written: YAML a person may edit,
// so it goes through `yaml`, with positions for its errors.

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

export function saveRep(workspace: Workspace, rep: Rep): string {
  ensureWorkspace(workspace);
  const file = join(repDir(workspace.root, rep.id), "rep.yaml");
  writeFileSafely(file, toYaml(rep), { within: workspace.root });
  return file;
}
