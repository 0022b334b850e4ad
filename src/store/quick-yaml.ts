import { CORE_SCHEMA, load } from "js-yaml";
import { sizeProblem } from "./yaml-file.js";

// The fast path of the bulk reads (a record's summary, a rep's profile, thousands in a cold
// team review): js-yaml reads YAML about ten times faster than `yaml`, with no positions.
// Callers check its result with their schema and hand whatever fails, here or there, to
// parseYaml, so a broken file is reported exactly where it is, in the words every file gets.

/**
 * A mark that could be an alias (`*name` after a space, `[`, `{` or `,`). js-yaml
 * expands no alias but hands out shared objects, which a schema check then walks once per
 * use: a "billion laughs" file would take forever. Such text is left to `yaml`, which
 * caps aliases. Coach writes none.
 */
const MAY_HOLD_ALIAS = /(?:^|[\s[{,])\*[^\s,\]}]/;

/**
 * The YAML's data as js-yaml reads it (the core schema, so dates stay strings, as `yaml`
 * reads them), or undefined for anything it refuses or should not read.
 */
export function quickYaml(text: string): unknown {
  if (sizeProblem(text, "") || MAY_HOLD_ALIAS.test(text)) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA }) ?? {};
  } catch {
    return undefined;
  }
}
