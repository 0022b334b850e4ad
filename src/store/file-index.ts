import { statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Config } from "../domain/config.js";
import type { Deal } from "../domain/deal.js";
import type { Template } from "../domain/template.js";
import {
  COACH_VERSION,
  type Entry,
  INDEX_DIR,
  INDEX_VERSION,
  isEntry,
  isMap,
  NO_THROW,
  readCache,
  saveCache,
  stampOf,
  stillFresh,
} from "./index-cache.js";
import type { Parsed } from "./yaml-file.js";

// The files a person edits that many runs read, coach.yaml, the workspace's own templates
// and the deals, kept checked in the index: a run over unchanged files parses no YAML for them.

/** Where coach.yaml's checked contents are kept: `_` starts no rep id, so no shard of records has this name. */
const CONFIG_ENTRY = "_coach.yaml.json";

/**
 * coach.yaml's checked contents, from the index while the file is unchanged: most runs
 * then parse no YAML and check no schema for it (a tenth of a team review's time on a
 * thousand records). `parse` reads and checks the file and throws on a broken one, which
 * is never kept, so its error is every run's until it is fixed.
 */
export async function readConfigThroughIndex<T extends object>(
  root: string,
  file: string,
  parse: () => Promise<T>,
): Promise<T> {
  const entryFile = join(root, INDEX_DIR, CONFIG_ENTRY);
  const stat = statSync(file);
  const known = loadConfigEntry(entryFile);
  if (stillFresh(known, stat)) return known.value as T;
  const value = await parse();
  const entry: ConfigEntry = { version: INDEX_VERSION, coach: COACH_VERSION, ...stampOf(stat), value };
  saveCache(root, entryFile, entry);
  return value;
}

interface ConfigEntry extends Entry<object> {
  version: number;
  /** The release that checked it: a new one may bring new defaults (the built-in stages). */
  coach: string;
}

function loadConfigEntry(file: string): ConfigEntry | undefined {
  const entry = readCache(file) as Partial<ConfigEntry> | undefined;
  if (!isEntry(entry) || !entry || entry.version !== INDEX_VERSION || entry.coach !== COACH_VERSION) return undefined;
  const config = entry.value as { stages?: unknown; cadence?: unknown } | undefined;
  const checked = config && Array.isArray(config.stages) && isMap(config.cadence) && config.cadence !== undefined;
  return checked ? (entry as ConfigEntry) : undefined;
}

/** Where the workspace's own templates are kept, checked against coach.yaml's contents. */
const TEMPLATES_ENTRY = "_templates.json";

interface TemplatesEntry {
  version: number;
  coach: string;
  /** coach.yaml's checked contents, as JSON: a template's stages and skills must exist there. */
  config: string;
  files: Record<string, Entry<Template>>;
}

type ParseTemplate = (
  file: string,
  shownAs: string,
  checks: { config: Config; inKindFolder: true },
) => Parsed<Template>;

/**
 * The workspace's own templates (`files`, under templates/), parsed and checked, from the
 * index while each file and coach.yaml's contents are unchanged: a workspace made from a
 * methodology pack holds a dozen, and parsing them took longer than the rest of a team
 * review. `loadParser` is called only when one must be parsed. A broken template is never
 * kept, so its problem is every run's until it is fixed; results come in the order of `files`.
 */
export async function readTemplatesThroughIndex(
  root: string,
  files: string[],
  config: Config,
  loadParser: () => Promise<ParseTemplate>,
): Promise<Parsed<Template>[]> {
  // Most workspaces have none: then there is nothing to keep, and no index to create.
  if (!files.length) return [];
  const entryFile = join(root, INDEX_DIR, TEMPLATES_ENTRY);
  const checkedAgainst = JSON.stringify(config);
  const known = loadTemplatesEntry(entryFile, checkedAgainst);
  const kept: Record<string, Entry<Template>> = {};
  let parse: ParseTemplate | undefined;
  let changed = !known || Object.keys(known.files).length !== files.length;
  const results: Parsed<Template>[] = [];
  for (const file of files) {
    const key = relative(root, file);
    const stat = statSync(file, NO_THROW);
    const before = known?.files[key];
    if (stat && stillFresh(before, stat) && isEntry(before) && looksLikeTemplate(before.value)) {
      kept[key] = before;
      results.push({ ok: true, value: before.value });
      continue;
    }
    changed = true;
    parse ??= await loadParser();
    const parsed = parse(file, file, { config, inKindFolder: true });
    if (parsed.ok && stat) kept[key] = { ...stampOf(stat), value: parsed.value };
    results.push(parsed);
    // The first broken template is the run's error, as when each was parsed in turn.
    if (!parsed.ok) break;
  }
  if (changed) {
    const entry: TemplatesEntry = { version: INDEX_VERSION, coach: COACH_VERSION, config: checkedAgainst, files: kept };
    saveCache(root, entryFile, entry);
  }
  return results;
}

function loadTemplatesEntry(file: string, config: string): TemplatesEntry | undefined {
  const entry = readCache(file) as Partial<TemplatesEntry> | undefined;
  if (!entry || entry.version !== INDEX_VERSION || entry.coach !== COACH_VERSION || entry.config !== config)
    return undefined;
  return typeof entry.files === "object" && entry.files !== null ? (entry as TemplatesEntry) : undefined;
}

/** A rep's deals, by path, as the index keeps them: `.` is in no rep id, so no shard of records has this name. */
const dealsEntryOf = (root: string, rep: string) => join(root, INDEX_DIR, `${rep}.deals.json`);

interface DealsEntry {
  version: number;
  coach: string;
  files: Record<string, Entry<Deal>>;
}

/**
 * One rep's deal files (`paths`, relative to the workspace), parsed and checked, from the
 * index while each file is unchanged: a team review reads every rep's deals on every run,
 * and parsing each took longer than the review of its rep. A broken deal's problem is kept
 * too, so its warning needs no re-parse. `loadReader` is called only when a deal must be
 * read. A deal gone since it was listed is left out.
 */
export async function readDealsThroughIndex(
  root: string,
  rep: string,
  paths: string[],
  loadReader: () => Promise<(root: string, path: string) => Parsed<Deal>>,
): Promise<Map<string, Parsed<Deal>>> {
  const entryFile = dealsEntryOf(root, rep);
  const known = loadDealsEntry(entryFile);
  const kept: Record<string, Entry<Deal>> = {};
  let read: ((root: string, path: string) => Parsed<Deal>) | undefined;
  let changed = !known || Object.keys(known.files).length !== paths.length;
  const results = new Map<string, Parsed<Deal>>();
  for (const path of paths) {
    const stat = statSync(join(root, path), NO_THROW);
    const before = known?.files[path];
    let entry: Entry<Deal> | undefined;
    if (
      stat &&
      stillFresh(before, stat) &&
      isEntry(before) &&
      (before.problem !== undefined || looksLikeDeal(before.value))
    )
      entry = before;
    else if (stat) {
      changed = true;
      read ??= await loadReader();
      const parsed = read(root, path);
      entry = parsed.ok ? { ...stampOf(stat), value: parsed.value } : { ...stampOf(stat), problem: parsed.problem };
    }
    if (!entry) continue;
    kept[path] = entry;
    results.set(path, entry.value ? { ok: true, value: entry.value } : { ok: false, problem: entry.problem! });
  }
  if (changed) saveCache(root, entryFile, { version: INDEX_VERSION, coach: COACH_VERSION, files: kept });
  return results;
}

function loadDealsEntry(file: string): DealsEntry | undefined {
  const entry = readCache(file) as Partial<DealsEntry> | undefined;
  if (!entry || entry.version !== INDEX_VERSION || entry.coach !== COACH_VERSION) return undefined;
  return typeof entry.files === "object" && entry.files !== null ? (entry as DealsEntry) : undefined;
}

/** Cheap checks of what readers of a kept template rely on: a damaged entry is parsed again. */
function looksLikeTemplate(value: unknown): value is Template {
  const t = value as Record<string, unknown> | undefined;
  return (
    typeof t === "object" &&
    t !== null &&
    typeof t.id === "string" &&
    typeof t.kind === "string" &&
    typeof t.title === "string" &&
    Array.isArray(t.stages)
  );
}

/** The same for a kept deal. */
function looksLikeDeal(value: unknown): value is Deal {
  const d = value as Record<string, unknown> | undefined;
  return (
    typeof d === "object" &&
    d !== null &&
    ["id", "rep", "name", "stage", "status"].every((key) => typeof d[key] === "string") &&
    typeof d.gates === "object" &&
    d.gates !== null
  );
}
