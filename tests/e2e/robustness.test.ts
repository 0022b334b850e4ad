import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers-paths.js";

// Hand-broken files and history-bending input are tested in-process (tests/commands/robustness.test.ts).
describe("fault injection (the short run of `npm run torture`)", () => {
  it("parallel writers, SIGKILLs at any moment and stale locks: nothing lost, torn or left behind", async () => {
    const torture = join(ROOT, "scripts", "torture.js");
    const args = ["--writers", "5", "--rounds", "1", "--kill-rate", "0.3", "--session-kills", "2"];
    const { stdout } = await promisify(execFile)(process.execPath, [torture, ...args], { cwd: ROOT });
    const summary = /^5 writers, (\d+) killed, 0 lost, 0 torn, 0 left behind$/m.exec(stdout);
    expect(summary, stdout).not.toBeNull();
    // A run in which no kill landed proved nothing: say so with the run's own summary.
    expect(Number(summary![1]), stdout).toBeGreaterThan(0);
  }, 180_000);
});
