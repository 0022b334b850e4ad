import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, coachBin, ROOT, TODAY, tempDir, writeFile } from "../helpers.js";

const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

describe("the coach binary", () => {
  it("prints its version", async () => {
    expect(await coachBin(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("shows help from the bundle, listing every command (each command's help: tests/commands/help.test.ts)", async () => {
    const top = await coachBin(["--help"]);
    expect(top.code).toBe(0);
    for (const name of ["actions", "drill", "init", "plan", "rep", "review", "session", "templates"])
      expect(top.stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    expect(top.stdout).toContain("Examples:");
  });

  it("turns a mistyped command into exit 2 with a suggestion (the words: tests/commands/cli.test.ts)", async () => {
    expect(await coachBin(["pln", "alex"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: unknown command 'pln'; did you mean 'plan'? See `coach --help`\n",
    });
  });
});

describe("output into a pipe that closes early (coach ... | head)", () => {
  it("stops quietly with exit 0, no stack trace", async () => {
    const dir = tempDir();
    // About 160 KB of JSON, more than a pipe holds, from few files: long names, not many reps.
    for (let i = 0; i < 100; i++)
      writeFile(join(dir, "reps", `rep-${i}`, "rep.yaml"), `id: rep-${i}\nname: Rep ${i} ${"x".repeat(1500)}\n`);
    // A real shell pipe (not a socket pair, as spawn makes): the writer gets EPIPE.
    const script = `"${process.execPath}" "${BIN}" rep list --json 2>stderr.txt | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const child = spawn("bash", ["-c", script], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", COACH_WORKSPACE: dir, COACH_TODAY: TODAY },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    await new Promise((resolve) => child.on("close", resolve));
    const stderr = readFileSync(join(dir, "stderr.txt"), "utf8");
    const code = Number(stdout.trim());
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
