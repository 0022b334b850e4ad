#!/usr/bin/env node
"use strict";
// Node 20 keeps no compile cache of its own (module.enableCompileCache is Node 22), so
// the bundle is compiled through a V8 code cache: a command then starts without parsing
// and compiling its code again. The build makes the cache (scripts/code-cache.js); when
// it is missing or refused (another Node version or V8 flags, a rebuilt, edited or
// reinstalled bundle), the bundle is compiled as usual and the cache made again from
// that run (holding only what that run compiled, until the next build). V8 does not
// checksum a cache: one damaged inside, not just cut short, can crash it, and has to be
// deleted.
const {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");

const DIST = join(realpathSync(__dirname), "..", "dist");
const BUNDLE = join(DIST, "coach.cjs");
const CODE_CACHE = join(DIST, "coach.cjs.cache");

/**
 * The bundle's exports (main, and run and snapshotBuiltInTemplates for the build), the
 * compiled script, whether the cache was used, and a function that saves a cache of
 * everything compiled so far.
 */
function loadBundle({ useCache = true } = {}) {
  // Stamp and text from one open file, so they cannot come from two builds.
  const fd = openSync(BUNDLE, "r");
  let stamp;
  let source;
  try {
    const { size, mtimeMs } = fstatSync(fd);
    stamp = { size, mtimeMs };
    source = readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
  const cachedData = useCache ? cacheFor(stamp) : undefined;
  // The wrapper stays on the bundle's first line, so stack traces keep its line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, DIST);
  return {
    exports: bundle.exports,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    saveCache: () => saveCache(stamp, script.createCachedData()),
  };
}

/**
 * The cache's data, when its first line names this very bundle: its size, and its mtime
 * to the millisecond (copies that keep times may round them). V8 checks only the
 * source's length, its own version and its flags: a cache made for another bundle of the
 * same length would be taken, and run the wrong code.
 */
function cacheFor({ size, mtimeMs }) {
  let data;
  try {
    data = readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
  const end = data.indexOf(10);
  const head = /^coach-code-cache (\d+) ([\d.]+)$/.exec(data.subarray(0, Math.max(end, 0)).toString("latin1"));
  if (!head || Number(head[1]) !== size || Math.abs(Number(head[2]) - mtimeMs) >= 1) return undefined;
  return data.subarray(end + 1);
}

/** Written whole or not at all; an installation that cannot be written to goes without. */
function saveCache({ size, mtimeMs }, data) {
  const temp = `${CODE_CACHE}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([Buffer.from(`coach-code-cache ${size} ${mtimeMs}\n`), data]), { mode: 0o644 });
    renameSync(temp, CODE_CACHE);
  } catch {
    rmSync(temp, { force: true });
  }
}

module.exports = { loadBundle };

if (require.main === module) {
  if (!existsSync(BUNDLE)) {
    process.stderr.write(
      "error: coach is not built yet\n  hint: run `npm install` (or `npm run build`) in its folder\n",
    );
    process.exitCode = 1;
  } else {
    const coach = loadBundle();
    if (!coach.cacheUsed) process.once("exit", coach.saveCache);
    coach.exports.main();
  }
}
