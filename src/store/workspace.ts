import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { type Config, configSchema, DEFAULT_CONFIG } from "../domain/config.js";
import { badInput } from "../errors.js";
import { readConfigThroughIndex } from "./file-index.js";
import { readYamlFile } from "./yaml-file.js";

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
export async function workspaceOf(ctx: {
  workspaceFlag: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}): Promise<Workspace> {
  return openWorkspace({ flag: ctx.workspaceFlag, env: ctx.env, cwd: ctx.cwd });
}

export async function openWorkspace(lookup: WorkspaceLookup): Promise<Workspace> {
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
  // coach.yaml is parsed (and `yaml` loaded) only when the index's copy no longer matches it.
  const config = await readConfigThroughIndex(root, file, async () => {
    const { loadYaml } = await import("./yaml-source.js");
    return loadYaml(configSchema(), readYamlFile(file, hint), file, hint);
  });
  return { root, foundBy, config, exists: true };
}
