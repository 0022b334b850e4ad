import { createRequire } from "node:module";

type YamlLib = typeof import("yaml");

const requireFromHere = createRequire(import.meta.url);
let loaded: YamlLib | undefined;

/**
 * The `yaml` package, loaded the first time something is parsed or written with it.
 * Most runs never need it (the index and the reader for coach's own front matter cover
 * reading), and it is a quarter of the code a command would otherwise compile at start,
 * so it is kept out of the bundle and required on demand.
 */
export function yamlLib(): YamlLib {
  return (loaded ??= requireFromHere("yaml") as YamlLib);
}
