import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { type Config, configSchema, DEFAULT_CONFIG } from "../domain/config.js";
import { toYaml } from "../domain/front-matter.js";
import { badInput } from "../errors.js";
import { ensureDir, writeFileSafely } from "./files.js";
import { readConfigThroughIndex } from "./record-index.js";
import { loadYaml, parseYaml, readYamlFile } from "./yaml-source.js";

export const CONFIG_FILE = "coach.yaml";

export interface Workspace {
  root: string;
  config: Config;
  /** True when `coach.yaml` exists; a default workspace is created on its first write. */
  exists: boolean;
  /** How the workspace was found, for messages. */
  foundBy: "--workspace" | "COACH_WORKSPACE" | "coach.yaml" | "default";
}

export interface WorkspaceLookup {
  flag?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** `--workspace`, then COACH_WORKSPACE, then the nearest coach.yaml upwards, then the per-user default. */
export function resolveWorkspaceRoot({ flag, env, cwd }: WorkspaceLookup): Pick<Workspace, "root" | "foundBy"> {
  if (flag) return { root: resolve(cwd, flag), foundBy: "--workspace" };
  if (env.COACH_WORKSPACE) return { root: resolve(cwd, env.COACH_WORKSPACE), foundBy: "COACH_WORKSPACE" };
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return { root: dir, foundBy: "coach.yaml" };
    if (dirname(dir) === dir) break;
  }
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share");
  return { root: join(dataHome, "coach"), foundBy: "default" };
}

/** The workspace a command runs in: `--workspace`, COACH_WORKSPACE, or found from the folder it runs in. */
export function workspaceOf(ctx: {
  workspaceFlag: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}): Workspace {
  return openWorkspace({ flag: ctx.workspaceFlag, env: ctx.env, cwd: ctx.cwd });
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

export function openWorkspace(lookup: WorkspaceLookup): Workspace {
  const { root, foundBy } = resolveWorkspaceRoot(lookup);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw badInput(
      "invalid_workspace",
      `the workspace ${root} (from ${foundBy}) is a file, not a folder`,
      "point --workspace or COACH_WORKSPACE at a folder",
    );
  }
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return { root, foundBy, config: DEFAULT_CONFIG, exists: false };
  const hint = "fix coach.yaml or remove the field to use the default; `coach templates validate` lists every problem";
  const config = readConfigThroughIndex(root, file, () =>
    loadYaml(configSchema(), readYamlFile(file, hint), file, hint),
  );
  return { root, foundBy, config, exists: true };
}

/** Creates coach.yaml (the workspace's config: the built-in defaults or a pack's) and the folders, unless there. */
export function ensureWorkspace(workspace: Workspace): boolean {
  if (workspace.exists || existsSync(join(workspace.root, CONFIG_FILE))) return false;
  ensureDir(workspace.root);
  ensureDir(join(workspace.root, "reps"));
  ensureDir(join(workspace.root, "templates"));
  ignoreDerivedFiles(join(workspace.root, ".gitignore"));
  writeFileSafely(join(workspace.root, CONFIG_FILE), configText(workspace.config));
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

function configText(config: Config): string {
  return [
    "# coach workspace settings. Every field is optional: a missing one takes the built-in default.",
    "# stages: your sales process, in order; each stage's skills are what coaching and drills practise there.",
    "# cadence: days between 1:1s and between drills for each rep.",
    toYaml({ ...config, manager: "" }),
  ].join("\n");
}
