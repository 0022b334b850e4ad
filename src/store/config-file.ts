import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { type Config, configSchema, DEFAULT_CONFIG } from "../domain/config.js";
import { writeFileSafely } from "./files.js";
import { CONFIG_FILE, type Workspace } from "./workspace.js";
import { ensureWorkspace } from "./workspace-setup.js";
import { readYamlFile } from "./yaml-file.js";
import { parseYaml } from "./yaml-source.js";

// coach.yaml read whole, through `yaml`: checked for `templates validate`, or edited.

/**
 * Writes the manager's name into coach.yaml through `yaml`'s Document, so the comments and
 * everything else a person wrote there stay as they were. Creates the workspace if needed.
 */
export function saveManagerName(workspace: Workspace, name: string): string {
  const file = join(workspace.root, CONFIG_FILE);
  if (ensureWorkspace(workspace, name)) return file;
  const doc = parseDocument(readYamlFile(file), { schema: "core", uniqueKeys: true, logLevel: "silent" });
  doc.set("manager", name);
  writeFileSafely(file, doc.toString({ lineWidth: 0 }), { within: workspace.root });
  return file;
}

/** coach.yaml checked on its own, every problem listed: for `templates validate`, which goes on to the templates. */
export function checkConfigFile(root: string): { file: string; exists: boolean; config?: Config; problems: string[] } {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return { file, exists: false, config: DEFAULT_CONFIG, problems: [] };
  const parsed = parseYaml(configSchema(), readYamlFile(file), file);
  return parsed.ok
    ? { file, exists: true, config: parsed.value, problems: [] }
    : { file, exists: true, problems: parsed.problems ?? [parsed.problem] };
}
