import { readFileSync, statSync } from "node:fs";
import { basename, dirname, relative } from "node:path";
import { allSkills, type Config } from "../domain/config.js";
import { closest } from "../domain/ids.js";
import { placementProblems, type Template, templateSchema } from "../domain/template.js";
import { badInput } from "../errors.js";
import { yamlFilesUnder } from "./files.js";
import { type Parsed, refusedUnread } from "./yaml-file.js";
import { parseYaml } from "./yaml-source.js";

export interface TemplateFileChecks {
  /** The workspace's process: stages and skills a template names must exist in it. */
  config?: Config;
  /** The file sits in a templates/ folder, so it must be at templates/<kind>/<id>.yaml. */
  inKindFolder?: boolean;
}

/**
 * Reads one template file and reports every problem in it at once: the schema's, an id
 * that is not its file name, a kind that is not its folder and, for workspace templates,
 * stages and skills missing from the workspace's coach.yaml (a typo there would silently
 * never match).
 */
export function parseTemplateFile(file: string, shownAs: string, checks: TemplateFileChecks = {}): Parsed<Template> {
  const refused = refusedUnread(statSync(file), shownAs);
  if (refused) return { ok: false, problem: refused };
  const text = readFileSync(file, "utf8");
  const parsed = parseYaml(templateSchema(), text, shownAs);
  const data = parsed.ok ? parsed.value : parsed.data;
  if (data === undefined) return parsed;
  const place = {
    fileName: basename(file).replace(/\.ya?ml$/, ""),
    folder: basename(dirname(file)),
    inKindFolder: checks.inKindFolder ?? false,
  };
  const more = [...placementProblems(data, place), ...(checks.config ? unknownReferences(data, checks.config) : [])];
  if (parsed.ok && !more.length) return parsed;
  const located = more.map(({ key, message }) => ({ line: lineOf(text, key), text: message }));
  const problems = [
    ...(parsed.ok ? [] : (parsed.problems ?? [parsed.problem])),
    ...located.map(({ line, text }) => `${shownAs}:${line}: ${text}`),
  ].sort((a, b) => lineNumber(a, shownAs) - lineNumber(b, shownAs));
  return { ok: false, problem: problems[0]!, problems, data };
}

function lineNumber(problem: string, shownAs: string): number {
  return Number(problem.slice(shownAs.length + 1).split(":")[0]) || 0;
}

/** Strings at `key` of each item of a list (`questions[].skill`), as the file has them. */
function stringsOf(list: unknown, key: string): string[] {
  return Array.isArray(list)
    ? list
        .map((item) => (item as Record<string, unknown> | null)?.[key])
        .filter((v): v is string => typeof v === "string")
    : [];
}

function unknownReferences(data: unknown, config: Config): { key: string; message: string }[] {
  const raw = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const stages = config.stages.map((s) => s.id);
  const named = typeof raw.stages === "string" ? [raw.stages] : Array.isArray(raw.stages) ? raw.stages : [];
  const badStages = named.filter((s): s is string => typeof s === "string" && s !== "any" && !stages.includes(s));
  const skills = allSkills(config);
  const used = [...stringsOf(raw.questions, "skill"), ...stringsOf(raw.rounds, "skill")];
  const badSkills = [...new Set(used.filter((skill) => !skills.includes(skill)))];
  return [
    ...badStages.map((stage) => ({
      key: "stages",
      message: `stage '${stage}' is not in coach.yaml${hintFor(stage, stages)}`,
    })),
    ...badSkills.map((skill) => ({
      key: `skill: ${skill}`,
      message: `skill '${skill}' is not a skill of any stage in coach.yaml${hintFor(skill, skills)}`,
    })),
  ];
}

/**
 * `line:col` of the first line holding `key:` (or, for `skill: x`, that very pair), else 1:1.
 * A plain scan suffices: the file has already parsed, and these keys are short scalars.
 */
function lineOf(text: string, key: string): string {
  const [name, value] = key.split(": ");
  const lines = text.split("\n");
  // The value is as the file wrote it ("a(b" too): matched literally, never as a pattern.
  const literal = value?.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^(\\s*(?:- )?)${name}\\s*:${literal ? `\\s*["']?${literal}(?![\\w-])` : ""}`);
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) return "1:1";
  return `${index + 1}:${pattern.exec(lines[index]!)![1]!.length + 1}`;
}

function hintFor(value: string, known: string[]): string {
  const guess = closest(value, known);
  return guess ? `; did you mean '${guess}'?` : `; known: ${known.join(", ")}`;
}

/** Every built-in template (templates/**\/*.yaml), parsed and checked: the build runs this, and tests from the sources. */
export function parseBuiltInTemplates(dir: string): Template[] {
  return yamlFilesUnder(dir).map((file) => {
    const parsed = parseTemplateFile(file, `templates/${relative(dir, file)}`);
    if (!parsed.ok) throw badInput("invalid_template", parsed.problem, "the installation is damaged; reinstall coach");
    return parsed.value;
  });
}
