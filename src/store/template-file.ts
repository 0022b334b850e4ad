import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { allSkills, type Config } from "../domain/config.js";
import { closest } from "../domain/ids.js";
import { placementProblem, type Template, templateSchema } from "../domain/template.js";
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

export interface TemplateFileChecks {
  /** The workspace's process: stages and skills a template names must exist in it. */
  config?: Config;
  /** The file sits in a templates/ folder, so it must be at templates/<kind>/<id>.yaml. */
  inKindFolder?: boolean;
}

/**
 * Reads one template file. Its id must match its file name and its kind its folder;
 * workspace templates are also checked against the workspace's stages and skills,
 * since a typo there would silently never match.
 */
export function parseTemplateFile(file: string, shownAs: string, checks: TemplateFileChecks = {}): Parsed<Template> {
  const text = readFileSync(file, "utf8");
  const parsed = parseYaml(templateSchema, text, shownAs);
  if (!parsed.ok) return parsed;
  const place = {
    fileName: basename(file).replace(/\.ya?ml$/, ""),
    folder: basename(dirname(file)),
    inKindFolder: checks.inKindFolder ?? false,
  };
  const problem =
    placementProblem(parsed.value, place) ?? (checks.config && unknownReference(parsed.value, checks.config));
  return problem ? { ok: false, problem: `${shownAs}:${lineOf(text, problem.key)}: ${problem.message}` } : parsed;
}

function unknownReference(template: Template, config: Config): { key: string; message: string } | undefined {
  const stages = config.stages.map((s) => s.id);
  const badStage = template.stages.find((s) => s !== "any" && !stages.includes(s));
  if (badStage)
    return { key: "stages", message: `stage '${badStage}' is not in coach.yaml${hintFor(badStage, stages)}` };
  const skills = allSkills(config);
  const used = [...(template.questions ?? []).map((q) => q.skill), ...(template.rounds ?? []).map((r) => r.skill)];
  const badSkill = used.find((skill) => skill !== undefined && !skills.includes(skill));
  if (badSkill) {
    const message = `skill '${badSkill}' is not a skill of any stage in coach.yaml${hintFor(badSkill, skills)}`;
    return { key: `skill: ${badSkill}`, message };
  }
  return undefined;
}

/**
 * `line:col` of the first line holding `key:` (or, for `skill: x`, that very pair), else 1:1.
 * A plain scan suffices: the file has already parsed, and these keys are short scalars.
 */
function lineOf(text: string, key: string): string {
  const [name, value] = key.split(": ");
  const lines = text.split("\n");
  const pattern = new RegExp(`^(\\s*(?:- )?)${name}\\s*:${value ? `\\s*["']?${value}\\b` : ""}`);
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) return "1:1";
  return `${index + 1}:${pattern.exec(lines[index]!)![1]!.length + 1}`;
}

function hintFor(value: string, known: string[]): string {
  const guess = closest(value, known);
  return guess ? `; did you mean '${guess}'?` : `; known: ${known.join(", ")}`;
}
