import { join } from "node:path";
import { parseDocument } from "yaml";
import { writeFileSafely } from "./files.js";
import { CONFIG_FILE, ensureWorkspace, type Workspace } from "./workspace.js";
import { readYamlFile } from "./yaml-source.js";

/**
 * Writes the manager's name into coach.yaml through `yaml`'s Document, so the comments and
 * everything else a person wrote there stay as they were. Creates the workspace if needed.
 */
export function saveManagerName(workspace: Workspace, name: string): string {
  ensureWorkspace(workspace);
  const file = join(workspace.root, CONFIG_FILE);
  const doc = parseDocument(readYamlFile(file), { schema: "core", uniqueKeys: true, logLevel: "silent" });
  doc.set("manager", name);
  writeFileSafely(file, doc.toString({ lineWidth: 0 }), { within: workspace.root });
  return file;
}
