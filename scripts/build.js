// Bundles src/ into dist/ so the CLI starts without resolving node_modules on every run,
// snapshots the built-in templates, then makes the V8 code cache bin/coach.cjs starts the
// bundle with (scripts/code-cache.js).
//   dist/coach.cjs         the CLI, one CommonJS script (V8 caches scripts, not ES modules)
//   dist/coach.cjs.cache   its compiled code
//   dist/prompts.cjs       @inquirer/prompts, loaded only when a prompt is shown
//   dist/builtin-templates.json  the built-in templates, parsed and checked

import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const DIST = new URL("../dist", import.meta.url);

/**
 * zod re-exports its 60-odd message locales as `z.locales`; coach uses none of them
 * (English is zod's default), and they are a third of zod's code. Resolve that one
 * re-export to English alone.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), "..", "locales", "en.js") }
        : undefined,
    );
  },
};

/**
 * The prompt library is half of all the code and only an interactive run needs it: it
 * gets its own file, required the first time a prompt is shown, so no other run reads it.
 */
const promptsApart = {
  name: "prompts-apart",
  setup(build) {
    build.onResolve({ filter: /^@inquirer\/prompts$/ }, () => ({ path: "prompts", namespace: "prompts-apart" }));
    build.onLoad({ filter: /.*/, namespace: "prompts-apart" }, () => ({
      contents: 'module.exports = require("./prompts.cjs");',
    }));
    build.onResolve({ filter: /^\.\/prompts\.cjs$/, namespace: "prompts-apart" }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/**
 * commander requires node:child_process when it loads, for subcommands that are separate
 * executables; coach has none, and loading it (with node:net) is a tenth of a command's
 * start. commander gets it on first use instead: it only ever reads functions off the
 * module (childProcess.spawn), so a `get` trap is all the stand-in needs.
 */
const childProcessOnUse = {
  name: "child-process-on-use",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "on-use" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "on-use" }, () => ({
      contents:
        'let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:child_process"))[key] });',
    }));
  },
};

/**
 * chalk works out at load what the terminal supports (loading node:tty to ask); coach
 * decides colour itself (src/ui/output.ts: --no-color, NO_COLOR, FORCE_COLOR, a TTY) and
 * gives every Chalk its level, so chalk is told "no support" without asking. The one
 * consequence: chalk's default instance (`import chalk from "chalk"`) is colourless in
 * the bundle; coach uses only `new Chalk({ level })` (src/ui/output.ts).
 */
const chalkLevelFromCoach = {
  name: "chalk-level-from-coach",
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({
      path: "supports-color",
      namespace: "chalk-level-from-coach",
    }));
    build.onLoad({ filter: /.*/, namespace: "chalk-level-from-coach" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
    }));
  },
};

const shared = { bundle: true, format: "cjs", platform: "node", target: "node20", logLevel: "warning" };

rmSync(DIST, { recursive: true, force: true });
const cli = await build({
  ...shared,
  metafile: true,
  entryPoints: ["src/entry.ts"],
  outfile: "dist/coach.cjs",
  // The sources are ES modules; in the CommonJS bundle import.meta.url is the bundle's own,
  // worked out when first read (few runs read it).
  banner: { js: 'const __coachBundle = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  define: { __COACH_VERSION__: JSON.stringify(version), "import.meta.url": "__coachBundle.url" },
  plugins: [zodEnglishOnly, promptsApart, childProcessOnUse, chalkLevelFromCoach],
  // Required on demand at run time (src/on-demand.ts), not bundled: most runs never use them.
  external: ["yaml", "write-file-atomic"],
});
// bin/coach.cjs runs the bundle as a vm.Script, which has no loader for import(): a
// dynamic import left in the bundle (of a node: module, say) would fail only when reached.
const dynamicImports = Object.values(cli.metafile.outputs).flatMap((output) =>
  output.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path),
);
if (dynamicImports.length) {
  rmSync(DIST, { recursive: true, force: true }); // no half-made build left to run
  throw new Error(
    `dist/coach.cjs would import() ${dynamicImports.join(", ")} at run time, which a vm.Script cannot: import it statically`,
  );
}
await build({ ...shared, entryPoints: ["@inquirer/prompts"], outfile: "dist/prompts.cjs" });

// The built-in templates, parsed and checked once here rather than on every run.
const { loadBundle } = createRequire(import.meta.url)("../bin/coach.cjs");
await loadBundle({ useCache: false }).exports.snapshotBuiltInTemplates();

// In a process of its own: V8's flags there are those of a plain `node`, as when coach runs.
execFileSync(process.execPath, [new URL("./code-cache.js", import.meta.url).pathname], { stdio: "inherit" });
