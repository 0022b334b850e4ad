import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Template } from "../domain/template.js";

/** Set by the build (scripts/build.js): the built-in templates, parsed and checked, as JSON. */
declare const __COACH_BUILTIN_TEMPLATES__: string | undefined;

/** The package's top-level templates/ folder, found from wherever this code runs. */
export function builtInTemplatesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates"))) return join(dir, "templates");
  }
  throw new Error("the built-in templates folder is missing from the installation");
}

/** From the sources: templates/ parsed once per process, kept as the JSON the build would inject. */
let parsedFromSources: string | undefined;

/**
 * The built-in templates: compiled into the bundle by the build, which parsed and checked
 * them; read from templates/ when running from the sources (tests), once per process, since
 * parsing all of them costs more than most commands. Each call gets its own copy, as from the bundle.
 */
export async function loadBuiltInTemplates(): Promise<Template[]> {
  if (typeof __COACH_BUILTIN_TEMPLATES__ === "string") return JSON.parse(__COACH_BUILTIN_TEMPLATES__) as Template[];
  if (parsedFromSources === undefined) {
    const { parseBuiltInTemplates } = await import("./template-file.js");
    parsedFromSources = JSON.stringify(parseBuiltInTemplates(builtInTemplatesDir()));
  }
  return JSON.parse(parsedFromSources) as Template[];
}
