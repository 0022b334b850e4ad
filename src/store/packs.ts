import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod/mini";
import { type Config, configSchema, DEFAULT_CONFIG } from "../domain/config.js";
import { closest } from "../domain/ids.js";
import { strictObject } from "../domain/strict.js";
import type { Template } from "../domain/template.js";
import { badInput } from "../errors.js";
import { loadBuiltInTemplates } from "./builtin-templates.js";
import { ensureDir, writeFileSafely, yamlFilesUnder } from "./files.js";
import { parseTemplateFile } from "./template-file.js";
import { loadYaml } from "./yaml-source.js";

/** The built-in process: its stages are the defaults and its templates the built-in ones. */
export const DEFAULT_PACK = "default";

export interface PackTemplate {
  template: Template;
  /** The file's text, copied as written (comments and all) into a workspace; built-ins are never copied. */
  text?: string;
  /** Where it goes in a workspace: templates/<kind>/<id>.yaml. */
  path: string;
}

/** A methodology pack: packs/<name>/ holds pack.yaml, coach.yaml and templates/<kind>/<id>.yaml. */
export interface Pack {
  name: string;
  title: string;
  description: string;
  config: Config;
  templates: PackTemplate[];
  /** The default pack's templates are the built-ins, always loaded: a workspace needs no copy. */
  copiesTemplates: boolean;
}

const packInfoSchema = strictObject({
  title: z.string().check(z.minLength(1)),
  description: z._default(z.string(), ""),
});

/** The package's packs/ folder, found from wherever this code was bundled to. */
function packsDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "packs"))) return join(dir, "packs");
  }
  throw new Error("the packs folder is missing from the installation");
}

/** Pack names, the default first, then by name. */
export function packNames(): string[] {
  const names = readdirSync(packsDir(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packsDir(), entry.name, "pack.yaml")))
    .map((entry) => entry.name)
    .sort();
  return [DEFAULT_PACK, ...names.filter((name) => name !== DEFAULT_PACK)];
}

/** A pack named by the user: an unknown name is an exit-2 error with a did-you-mean and the list. */
export async function loadPack(name: string): Promise<Pack> {
  const names = packNames();
  if (!names.includes(name)) {
    const guess = closest(name, names);
    throw badInput(
      "unknown_process",
      `no process pack '${name}'`,
      `${guess ? `did you mean '${guess}'? ` : ""}packs: ${names.join(", ")} (see \`coach templates packs\`)`,
    );
  }
  const dir = join(packsDir(), name);
  const damaged = "the installation is damaged; reinstall coach";
  const info = loadYaml(
    packInfoSchema,
    readFileSync(join(dir, "pack.yaml"), "utf8"),
    `packs/${name}/pack.yaml`,
    damaged,
  );
  const configFile = join(dir, "coach.yaml");
  const config = existsSync(configFile)
    ? loadYaml(configSchema(), readFileSync(configFile, "utf8"), `packs/${name}/coach.yaml`, damaged)
    : DEFAULT_CONFIG;
  const copiesTemplates = name !== DEFAULT_PACK;
  const templates = copiesTemplates
    ? yamlFilesUnder(join(dir, "templates")).map((file) => {
        const path = join("templates", relative(join(dir, "templates"), file));
        const parsed = parseTemplateFile(file, `packs/${name}/${path}`, { config, inKindFolder: true });
        if (!parsed.ok) throw badInput("invalid_template", parsed.problem, damaged);
        return { template: parsed.value, text: readFileSync(file, "utf8"), path };
      })
    : (await loadBuiltInTemplates()).map((template) => ({
        template,
        path: join("templates", template.kind, `${template.id}.yaml`),
      }));
  return { name, title: info.title, description: info.description, config, templates, copiesTemplates };
}

/**
 * Copies a pack's templates into a new workspace's templates/, where the team can edit
 * them; a file already there is kept, never overwritten. Returns the files written.
 */
export function copyPackTemplates(pack: Pack, root: string): string[] {
  if (!pack.copiesTemplates) return [];
  return pack.templates.flatMap(({ text, path }) => {
    const target = join(root, path);
    if (text === undefined || existsSync(target)) return [];
    ensureDir(dirname(target));
    writeFileSafely(target, text);
    return [target];
  });
}

/** What `coach templates packs --json` prints for a pack. */
export function packSummary(pack: Pack) {
  return {
    name: pack.name,
    title: pack.title,
    stages: pack.config.stages.map((stage) => stage.id),
    templates: pack.templates.length,
  };
}
