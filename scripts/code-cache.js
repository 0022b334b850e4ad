// The build's last step: makes dist/coach.cjs.cache, the V8 code cache bin/coach.cjs
// starts the bundle with. V8 caches the functions compiled so far, so the bundle first
// runs a few commands in a throwaway workspace: the code every command starts with (and
// reading records, plans and reviews) is then already compiled.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

const { loadBundle } = createRequire(import.meta.url)("../bin/coach.cjs");
const coach = loadBundle({ useCache: false });

const WARM_UP = [
  ["--version"],
  ["--help"],
  ["templates", "list"],
  ["rep", "add", "Alex Kim"],
  ["rep", "list"],
  ["plan", "alex-kim"],
  ["session", "alex-kim"],
  ["drill", "alex-kim", "--pre-call"],
  ["actions"],
  ["review", "alex-kim"],
  ["review", "--team", "--json"],
];
const workspace = mkdtempSync(join(tmpdir(), "coach-code-cache-"));
const discard = { write: () => true };
try {
  for (const argv of WARM_UP) {
    // Exit codes do not matter here (plan without answers and no terminal is exit 2): only what ran.
    await coach.exports.run(argv, {
      stdout: discard,
      stderr: discard,
      stdin: Readable.from([]),
      env: { COACH_WORKSPACE: workspace, NO_COLOR: "1" },
      cwd: workspace,
    });
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
coach.saveCache();
