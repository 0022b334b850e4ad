import { join } from "node:path";
import type { Config } from "../domain/config.js";
import { generatedTemplates } from "../domain/generated-templates.js";
import { closest } from "../domain/ids.js";
import type { LoadedTemplate, Template } from "../domain/template.js";
import { badInput } from "../errors.js";
import { loadBuiltInTemplates } from "./builtin-templates.js";
import { readTemplatesThroughIndex } from "./file-index.js";
import { yamlFilesUnder } from "./files.js";

export const BUILT_IN = "built-in";

/**
 * Built-ins, then the workspace's own (a workspace template replaces a built-in of the same
 * id), then a plan and a session template generated for each stage that still has none.
 */
export async function loadTemplates(root: string, config: Config): Promise<LoadedTemplate[]> {
  const byId = new Map<string, LoadedTemplate>();
  for (const template of await loadBuiltInTemplates()) byId.set(template.id, { template, source: BUILT_IN });
  const files = yamlFilesUnder(join(root, "templates"));
  // The template reader brings `yaml`: loaded only for a template that is new or changed.
  const loadParser = async () => (await import("./template-file.js")).parseTemplateFile;
  const read = await readTemplatesThroughIndex(root, files, config, loadParser);
  for (const [i, parsed] of read.entries()) {
    if (!parsed.ok)
      throw badInput(
        "invalid_template",
        parsed.problem,
        "fix the template, then check it with `coach templates validate`",
      );
    byId.set(parsed.value.id, { template: parsed.value, source: files[i]! });
  }
  const loaded = [...byId.values()];
  return [...loaded, ...generatedTemplates(config, loaded)];
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
