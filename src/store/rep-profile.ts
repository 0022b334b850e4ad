import { join } from "node:path";
import * as z from "zod/mini";
import { nameProblem } from "../domain/ids.js";
import { type Rep, repSchema } from "../domain/rep.js";
import { toYaml } from "../domain/to-yaml.js";
import { writeFileSafely } from "./files.js";
import { repDir } from "./reps.js";
import type { Workspace } from "./workspace.js";
import { ensureWorkspace } from "./workspace-setup.js";
import type { Parsed } from "./yaml-file.js";
import { parseYaml } from "./yaml-source.js";

// A rep's profile, reps/<id>/rep.yaml, parsed or written: YAML a person may edit, so it goes
// through `yaml`, with positions for its errors. It is read through the index (reps.ts), which
// calls the parser only for a profile new or changed since the last run.

/**
 * The one reader of rep profiles, for one rep, for every rep and for a team review (all
 * through the index): `reps/<folder>/rep.yaml`'s text -> the rep, or `file:line:col: problem`.
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

export function saveRep(workspace: Workspace, rep: Rep): string {
  ensureWorkspace(workspace);
  const file = join(repDir(workspace.root, rep.id), "rep.yaml");
  writeFileSafely(file, toYaml(rep), { within: workspace.root });
  return file;
}
