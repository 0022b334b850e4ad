import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Template } from "../domain/template.js";
import { badInput } from "../errors.js";
import { parseTemplateFile, yamlFilesUnder } from "./template-file.js";

const SNAPSHOT_VERSION = 1;

/** The package's top-level templates/ folder, found from wherever this code was bundled to. */
export function builtInTemplatesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates"))) return join(dir, "templates");
  }
  throw new Error("the built-in templates folder is missing from the installation");
}

interface Snapshot {
  version: number;
  /** Relative path -> [size, mtimeMs] of each YAML file the snapshot was made from. */
  files: Record<string, [number, number]>;
  templates: Template[];
}

/**
 * The built-in templates. Parsing 30-odd YAML files and checking them costs more than
 * the rest of a command's start, so the build stores them, already checked, in
 * dist/builtin-templates.json; it is used only while every YAML file is exactly as it
 * was then (same names, sizes and times), so an edited template is never shadowed.
 */
export function loadBuiltInTemplates(): Template[] {
  const dir = builtInTemplatesDir();
  const files = yamlFilesUnder(dir);
  const snapshot = readSnapshot(dir);
  if (snapshot && matches(snapshot, dir, files)) return snapshot.templates;
  return files.map((file) => {
    const parsed = parseTemplateFile(file, `templates/${relative(dir, file)}`);
    if (!parsed.ok) throw badInput("invalid_template", parsed.problem, "the installation is damaged; reinstall coach");
    return parsed.value;
  });
}

/** Run by the build, after bundling. */
export function writeBuiltInSnapshot(): string {
  const dir = builtInTemplatesDir();
  const files = yamlFilesUnder(dir);
  const snapshot: Snapshot = {
    version: SNAPSHOT_VERSION,
    files: Object.fromEntries(files.map((f) => [relative(dir, f), stamp(f)])),
    templates: [],
  };
  snapshot.templates = files.map((file) => {
    const parsed = parseTemplateFile(file, `templates/${relative(dir, file)}`);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.value;
  });
  const path = snapshotPath(dir);
  // Part of the package, like the bundle: readable by everyone, unlike a workspace's records.
  writeFileSync(path, JSON.stringify(snapshot), { mode: 0o644 });
  return path;
}

function snapshotPath(templatesDir: string): string {
  return join(dirname(templatesDir), "dist", "builtin-templates.json");
}

function readSnapshot(templatesDir: string): Snapshot | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(snapshotPath(templatesDir), "utf8")) as Snapshot;
    return snapshot.version === SNAPSHOT_VERSION && Array.isArray(snapshot.templates) ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

function matches(snapshot: Snapshot, dir: string, files: string[]): boolean {
  if (Object.keys(snapshot.files).length !== files.length) return false;
  return files.every((file) => {
    const recorded = snapshot.files[relative(dir, file)];
    const [size, mtime] = stamp(file);
    return recorded !== undefined && recorded[0] === size && recorded[1] === mtime;
  });
}

function stamp(file: string): [number, number] {
  const stat = statSync(file);
  return [stat.size, stat.mtimeMs];
}
