import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./helpers-paths.js";

/** End-to-end tests run the built bin: build it once, fresh, before any test. */
export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build.js")], { cwd: ROOT, stdio: "inherit" });
}
