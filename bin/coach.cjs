#!/usr/bin/env node
"use strict";
// Node 20 keeps no compile cache of its own (module.enableCompileCache is Node 22), so
// the bundle is compiled through V8's code cache, made by the build (scripts/build.js):
// a command then starts without parsing and compiling its code again. V8 refuses a
// cache from another Node version or other V8 flags; the bundle is then compiled as
// usual, only more slowly.
const { existsSync, readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");

const DIST = join(__dirname, "..", "dist");
const BUNDLE = join(DIST, "coach.cjs");
const CODE_CACHE = join(DIST, "coach.cjs.cache");

/** The bundle's exports (main, run, ...), and its script, from which the build makes the cache. */
function loadBundle({ useCache = true } = {}) {
  const source = readFileSync(BUNDLE, "utf8");
  const cachedData = useCache && existsSync(CODE_CACHE) ? readFileSync(CODE_CACHE) : undefined;
  // The wrapper stays on the bundle's first line, so stack traces keep its line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, DIST);
  return { exports: bundle.exports, script };
}

module.exports = { loadBundle, BUNDLE, CODE_CACHE };

if (require.main === module) {
  if (!existsSync(BUNDLE)) {
    process.stderr.write("error: coach is not built yet\n  hint: run `npm install` (or `npm run build`) in its folder\n");
    process.exitCode = 2;
  } else {
    loadBundle().exports.main();
  }
}
