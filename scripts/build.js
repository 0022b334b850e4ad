// Bundles src/ into dist/ so the CLI starts without resolving node_modules on every run.
// Commands are split into chunks loaded on demand: `coach --version` never pays for zod or yaml.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/**
 * zod re-exports its 60-odd message locales as `z.locales`; coach uses none of them
 * (English is zod's default), and they are a third of the shared chunk every command
 * compiles at start. Resolve that one re-export to English alone.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), "..", "locales", "en.js") } : undefined,
    );
  },
};

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { coach: "src/entry.ts", "snapshot-templates": "src/snapshot-entry.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  // commander and write-file-atomic are CommonJS: an ESM bundle needs a real `require`
  // for their node: imports, and write-file-atomic reads `__filename`.
  banner: {
    js: [
      'import { createRequire as __coachCreateRequire } from "node:module";',
      'import { fileURLToPath as __coachFileURLToPath } from "node:url";',
      "const require = __coachCreateRequire(import.meta.url);",
      "const __filename = __coachFileURLToPath(import.meta.url);",
    ].join(" "),
  },
  define: { __COACH_VERSION__: JSON.stringify(version) },
  plugins: [zodEnglishOnly],
  // Required on demand at run time (src/yaml-lib.ts), not bundled: most runs never parse with it.
  external: ["yaml"],
  logLevel: "warning",
});

// The built-in templates, parsed and checked once here rather than on every run.
execFileSync(process.execPath, [new URL("../dist/snapshot-templates.js", import.meta.url).pathname], { stdio: "inherit" });
