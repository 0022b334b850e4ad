// Bundles src/ into dist/ as ES modules, so the CLI starts without resolving node_modules on
// every run. Code splitting gives each command, and the prompt library, chunks of their own
// that load only when a run imports them; bin/coach.js turns on Node's compile cache.
//   dist/coach.mjs        the entry: the program, its command table, main()
//   dist/chunks/*.mjs     what each command (and the prompts) needs, shared code split out
// The built-in templates are parsed and checked here, with the project's own schema, and
// compiled into the bundle: an installed coach never reads or re-checks templates/.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

// commander is CommonJS: it calls `require` for node: modules and reads
// `__filename`, which an ES module has not. Each output file gets its own.
const banner = {
  js: [
    'import { createRequire as __coachCreateRequire } from "node:module";',
    'import { fileURLToPath as __coachFileURLToPath } from "node:url";',
    "const require = __coachCreateRequire(import.meta.url);",
    "const __filename = __coachFileURLToPath(import.meta.url);",
  ].join("\n"),
};
const node = { bundle: true, platform: "node", target: "node20", format: "esm", banner, logLevel: "warning" };

/** The built-in templates, read through the same loader and schema the CLI uses on a workspace's files. */
async function parseBuiltInTemplates() {
  const dir = mkdtempSync(join(tmpdir(), "coach-build-"));
  try {
    const step = join(dir, "template-file.mjs");
    await build({ ...node, entryPoints: [join(ROOT, "src/store/template-file.ts")], outfile: step });
    const { parseBuiltInTemplates } = await import(pathToFileURL(step).href);
    return parseBuiltInTemplates(join(ROOT, "templates"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let templates;
try {
  templates = await parseBuiltInTemplates();
} catch (error) {
  // A broken built-in template is the build's failure: say which file, line and column.
  console.error(`build failed: ${error.message}`);
  process.exit(1);
}

rmSync(DIST, { recursive: true, force: true });
await build({
  ...node,
  entryPoints: { coach: join(ROOT, "src/entry.ts") },
  outdir: DIST,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  // .mjs: Node knows an ES module by its name, with no package.json lookup for each of the
  // dozens of files a command loads (3-6 ms of a review on Node 20).
  outExtension: { ".js": ".mjs" },
  define: {
    __COACH_VERSION__: JSON.stringify(version),
    // A string of JSON, parsed when first used: V8 reads JSON faster than the same object as code.
    __COACH_BUILTIN_TEMPLATES__: JSON.stringify(JSON.stringify(templates)),
  },
});
