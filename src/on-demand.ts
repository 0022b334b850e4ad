import { createRequire } from "node:module";

// Packages only some runs need, required (from node_modules, outside the bundle) the
// first time they are used, so the runs that never use them do not load them.

type YamlLib = typeof import("yaml");
type WriteFileAtomic = typeof import("write-file-atomic");

const requireFromHere = createRequire(import.meta.url);
let yaml: YamlLib | undefined;
let writeFileAtomic: WriteFileAtomic | undefined;

/**
 * `yaml`: most runs never parse or write with it (the index and the reader for coach's
 * own front matter cover reading), and it is a quarter of the code a command would
 * otherwise compile at start.
 */
export function yamlLib(): YamlLib {
  yaml ??= requireFromHere("yaml") as YamlLib;
  return yaml;
}

/** `write-file-atomic`: loading it loads node:crypto and node:worker_threads; only writes need it. */
export function writeFileAtomicLib(): WriteFileAtomic {
  writeFileAtomic ??= requireFromHere("write-file-atomic") as WriteFileAtomic;
  return writeFileAtomic;
}
