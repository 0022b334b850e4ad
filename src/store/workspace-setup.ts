import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../domain/config.js";
import { toYaml } from "../domain/to-yaml.js";
import { ensureDir, writeFileSafely } from "./files.js";
import { CONFIG_FILE, type Workspace } from "./workspace.js";

/**
 * Creates coach.yaml (the workspace's config: the built-in defaults or a pack's) and the
 * folders, unless there; `manager` is the name to write in a new coach.yaml.
 */
export function ensureWorkspace(workspace: Workspace, manager = ""): boolean {
  if (workspace.exists || existsSync(join(workspace.root, CONFIG_FILE))) return false;
  ensureDir(workspace.root);
  ensureDir(join(workspace.root, "reps"));
  ensureDir(join(workspace.root, "templates"));
  ignoreDerivedFiles(join(workspace.root, ".gitignore"));
  writeFileSafely(join(workspace.root, CONFIG_FILE), configText(workspace.config, manager));
  workspace.exists = true;
  return true;
}

/** The index in .coach/ is rebuilt from the records: keep it out of git, keeping any existing rules. */
function ignoreDerivedFiles(file: string): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (/^\/?\.coach\/?$/m.test(current)) return;
  const separator = current === "" || current.endsWith("\n") ? "" : "\n";
  writeFileSafely(
    file,
    `${current}${separator}# coach's derived index: rebuilt from the records, never commit\n.coach/\n`,
  );
}

function configText(config: Config, manager: string): string {
  return [
    "# coach workspace settings. Every field is optional: a missing one takes the built-in default.",
    "# stages: your sales process, in order; each stage's skills are what coaching and drills practise there.",
    "# cadence: days between 1:1s and between drills for each rep.",
    toYaml({ ...config, manager }),
  ].join("\n");
}
