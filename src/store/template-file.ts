import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { allSkills, type Config } from "../domain/config.js";
import { closest } from "../domain/ids.js";
import { type Template, templateSchema } from "../domain/template.js";
import { type Parsed, parseYaml } from "./yaml-source.js";

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
