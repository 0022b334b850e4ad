import { join, relative } from "node:path";
import type { Config } from "../domain/config.js";
import { generatedTemplates } from "../domain/generated-templates.js";
import { closest } from "../domain/ids.js";
import type { LoadedTemplate, Template } from "../domain/template.js";
import { badInput } from "../errors.js";
import { loadBuiltInTemplates } from "./builtin-templates.js";
import { type KeptFiles, readFilesThroughIndex } from "./file-index.js";
import { yamlFilesUnder } from "./files.js";
import { INDEX_DIR } from "./index-cache.js";

export const BUILT_IN = "built-in";

/**
 * Built-ins, then the workspace's own (a workspace template replaces a built-in of the same
 * id), then a plan and a session template generated for each stage that still has none.
 */
export async function loadTemplates(root: string, config: Config): Promise<LoadedTemplate[]> {
  const byId = new Map<string, LoadedTemplate>();
  for (const template of await loadBuiltInTemplates()) byId.set(template.id, { template, source: BUILT_IN });
  const paths = yamlFilesUnder(join(root, "templates")).map((file) => relative(root, file));
  const read = paths.length ? await readFilesThroughIndex(root, paths, ownTemplates(root, config)) : new Map();
  for (const [path, parsed] of read) {
    if (!parsed.ok)
      throw badInput(
        "invalid_template",
        parsed.problem,
        "fix the template, then check it with `coach templates validate`",
      );
    byId.set(parsed.value.id, { template: parsed.value, source: join(root, path) });
  }
  const loaded = [...byId.values()];
  return [...loaded, ...generatedTemplates(config, loaded)];
}

/**
 * How the index keeps the workspace's own templates: checked against coach.yaml's contents
 * (the stages and skills they name must exist there), a broken one the run's error.
 */
function ownTemplates(root: string, config: Config): KeptFiles<Template> {
  return {
    entryFile: join(root, INDEX_DIR, "_templates.json"),
    against: JSON.stringify(config),
    looksRight: (value) => {
      const t = value as Record<string, unknown>;
      return (
        typeof t.id === "string" && typeof t.kind === "string" && typeof t.title === "string" && Array.isArray(t.stages)
      );
    },
    // The template reader brings `yaml`: loaded only for a template that is new or changed.
    async loadReader() {
      const { parseTemplateFile } = await import("./template-file.js");
      return (path) => parseTemplateFile(join(root, path), join(root, path), { config, inKindFolder: true });
    },
    brokenStops: true,
  };
}

export function requireTemplate(templates: LoadedTemplate[], id: string, kind?: Template["kind"]): LoadedTemplate {
  const found = templates.find((t) => t.template.id === id);
  if (found && (!kind || found.template.kind === kind)) return found;
  const candidates = templates.filter((t) => !kind || t.template.kind === kind).map((t) => t.template.id);
  const guess = closest(id, candidates);
  const what = found
    ? `template '${id}' is a ${found.template.kind} template, not a ${kind} one`
    : `no template '${id}'`;
  const list = `\`coach templates list${kind ? ` --kind ${kind}` : ""}\``;
  throw badInput("unknown_template", what, guess ? `did you mean '${guess}'? See ${list}` : `see ${list}`);
}
