import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, coachBin, ROOT, tempDir } from "../helpers.js";

const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

/** The installed package (bin, dist, templates) copied elsewhere, to change without harming the real one. */
function copyOfInstall(): string {
  const dir = tempDir("coach-install-");
  for (const part of ["bin", "dist", "templates", "package.json"])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return join(dir, "bin", "coach.cjs");
}

/** Whether the bin at `bin` would start from its code cache now. */
function startsFromCache(bin: string): boolean {
  const script = `process.stdout.write(String(require(${JSON.stringify(bin)}).loadBundle().cacheUsed))`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }) === "true";
}

describe("the built bundle", () => {
  it("starts from the code cache the build made, which this Node accepts", () => {
    expect(startsFromCache(BIN)).toBe(true);
  });

  it("runs as usual with a damaged or missing code cache, and makes a working one again", async () => {
    const bin = copyOfInstall();
    const cache = join(bin, "..", "..", "dist", "coach.cjs.cache");
    writeFileSync(cache, "not a code cache");
    expect(await coachBin(["--version"], { bin })).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    expect(startsFromCache(bin)).toBe(true);
    rmSync(cache);
    const workspace = tempDir();
    expect((await coachBin(["rep", "add", "Alex Kim"], { bin, env: { COACH_WORKSPACE: workspace } })).code).toBe(0);
    const list = await coachBin(["rep", "list", "--json"], { bin, env: { COACH_WORKSPACE: workspace } });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: "alex-kim", name: "Alex Kim" }]);
    expect(startsFromCache(bin)).toBe(true);
  });

  it("runs a bundle edited after the build as edited, not the cached code of the old one", async () => {
    const bin = copyOfInstall();
    expect(startsFromCache(bin)).toBe(true);
    const bundle = join(bin, "..", "..", "dist", "coach.cjs");
    const edited = readFileSync(bundle, "utf8").replace(
      JSON.stringify(version),
      JSON.stringify("9.9.9".padEnd(version.length, "9")),
    );
    expect(edited.length).toBe(readFileSync(bundle, "utf8").length); // V8 alone checks no more than the length
    writeFileSync(bundle, edited);
    expect((await coachBin(["--version"], { bin })).stdout).toBe(`${"9.9.9".padEnd(version.length, "9")}\n`);
  });

  it("says how to build it when dist/ is missing, instead of a stack trace", async () => {
    const dir = tempDir("coach-unbuilt-");
    mkdirSync(join(dir, "bin"));
    cpSync(BIN, join(dir, "bin", "coach.cjs"));
    expect(await coachBin(["--version"], { bin: join(dir, "bin", "coach.cjs") })).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: coach is not built yet\n  hint: run `npm install` (or `npm run build`) in its folder\n",
    });
  });

  it("keeps the prompt library in its own file, with every prompt the terminal prompter shows", () => {
    const prompts = createRequire(import.meta.url)(join(ROOT, "dist", "prompts.cjs")) as Record<string, unknown>;
    for (const name of ["input", "editor", "select", "checkbox", "confirm", "number"])
      expect(typeof prompts[name], name).toBe("function");
    expect(readFileSync(join(ROOT, "dist", "coach.cjs"), "utf8")).not.toContain("node_modules/@inquirer/core");
  });
});
