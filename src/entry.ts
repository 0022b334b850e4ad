// The bundle's entry. bin/coach.cjs loads the bundle (through V8's code cache) and calls
// main; the build calls run, to warm that cache, and snapshotBuiltInTemplates.
export { main, run } from "./main.js";

/** Run by the build: the built-in templates, parsed and checked once, into dist/. */
export async function snapshotBuiltInTemplates(): Promise<string> {
  return (await import("./store/builtin-templates.js")).writeBuiltInSnapshot();
}
