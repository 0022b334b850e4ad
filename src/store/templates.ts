import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { allSkills, type Config } from "../domain/config.js";
import { closest } from "../domain/ids.js";
import { templateSchema, type LoadedTemplate, type Template } from "../domain/template.js";
import { badInput } from "../errors.js";
import { parseYaml, type Parsed } from "./yaml-source.js";

export const BUILT_IN = "built-in";

/** The package's top-level templates/ folder, found from wherever this code was bundled to. */
export function builtInTemplatesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates"))) return join(dir, "templates");
  }
  throw new Error("the built-in templates folder is missing from the installation");
}

/** Every *.yaml under `dir`, sorted, recursively (templates/<kind>/<id>.yaml). */
export function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Reads one template file. Workspace templates are also checked against the
 * workspace's stages and skills, since a typo there would silently never match.
 */
export function parseTemplateFile(file: string, shownAs: string, config?: Config): Parsed<Template> {
  const parsed = parseYaml(templateSchema, readFileSync(file, "utf8"), shownAs);
  if (!parsed.ok || !config) return parsed;
  const problem = unknownReference(parsed.value, config);
  return problem ? { ok: false, problem: `${shownAs}:1:1: ${problem}` } : parsed;
}

function unknownReference(template: Template, config: Config): string | undefined {
  const stages = config.stages.map((s) => s.id);
  const badStage = template.stages.find((s) => s !== "any" && !stages.includes(s));
  if (badStage) return `stage '${badStage}' is not in coach.yaml${hintFor(badStage, stages)}`;
  const skills = allSkills(config);
  const used = [...(template.questions ?? []).map((q) => q.skill), ...(template.rounds ?? []).map((r) => r.skill)];
  const badSkill = used.find((skill) => skill !== undefined && !skills.includes(skill));
  if (badSkill) return `skill '${badSkill}' is not a skill of any stage in coach.yaml${hintFor(badSkill, skills)}`;
  return undefined;
}

function hintFor(value: string, known: string[]): string {
  const guess = closest(value, known);
  return guess ? `; did you mean '${guess}'?` : `; known: ${known.join(", ")}`;
}

/** Built-ins, then the workspace's own: a workspace template replaces a built-in of the same id. */
export function loadTemplates(root: string, config: Config): LoadedTemplate[] {
  const byId = new Map<string, LoadedTemplate>();
  const builtIns = builtInTemplatesDir();
  for (const file of yamlFilesUnder(builtIns)) {
    const parsed = parseTemplateFile(file, `templates/${relative(builtIns, file)}`);
    if (!parsed.ok) throw badInput("invalid_template", parsed.problem, "the installation is damaged; reinstall coach");
    byId.set(parsed.value.id, { template: parsed.value, source: BUILT_IN });
  }
  for (const file of yamlFilesUnder(join(root, "templates"))) {
    const parsed = parseTemplateFile(file, file, config);
    if (!parsed.ok) throw badInput("invalid_template", parsed.problem, "fix the template, then check it with `coach templates validate`");
    byId.set(parsed.value.id, { template: parsed.value, source: file });
  }
  return [...byId.values()];
}

export function requireTemplate(templates: LoadedTemplate[], id: string, kind?: Template["kind"]): LoadedTemplate {
  const found = templates.find((t) => t.template.id === id);
  if (found && (!kind || found.template.kind === kind)) return found;
  const candidates = templates.filter((t) => !kind || t.template.kind === kind).map((t) => t.template.id);
  const guess = closest(id, candidates);
  const what = found ? `template '${id}' is a ${found.template.kind} template, not a ${kind} one` : `no template '${id}'`;
  const list = `\`coach templates list${kind ? ` --kind ${kind}` : ""}\``;
  throw badInput("unknown_template", what, guess ? `did you mean '${guess}'? See ${list}` : `see ${list}`);
}
