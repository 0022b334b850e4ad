#!/usr/bin/env node
// Node's own compile cache (Node 22.1+; a no-op before) keeps the compiled bundle in the OS
// temp dir, so later runs skip compiling it, read-only installs included.
import module from "node:module";

module.enableCompileCache?.();
let coach;
try {
  coach = await import("../dist/coach.mjs");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist")) throw error;
  process.stderr.write("error: coach is not built yet; run `npm install` (or `npm run build`) in its folder\n");
  process.exit(1);
}
await coach.main();
