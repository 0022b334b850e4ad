import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, tempDir, writeFile } from "../helpers.js";

describe("usage errors", () => {
  it("turns a mistyped command or option into exit 2 with a suggestion", async () => {
    expect(await coach(["pln", "alex"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: unknown command 'pln'; did you mean 'plan'? See `coach --help`\n",
    });
    expect(await coach(["rep", "ad", "x"])).toMatchObject({
      code: 2,
      stderr: "error: unknown command 'ad'; did you mean 'add'? See `coach --help`\n",
    });
    expect(await coach(["plan", "--stgae", "x"])).toMatchObject({
      code: 2,
      stderr: "error: unknown option '--stgae'; did you mean '--stage'? See `coach --help`\n",
    });
  });

  it("reports usage errors as JSON with --json", async () => {
    const result = await coach(["pln", "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toEqual({
      error: {
        code: "unknown_command",
        message: "unknown command 'pln'; did you mean 'plan'?",
        hint: "see `coach --help`",
      },
    });
  });
});

describe("coach init", () => {
  it("creates a workspace and never overwrites one", async () => {
    const dir = tempDir();
    const first = await coach(["init", "team"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`Created a coach workspace in ${join(dir, "team")}`);
    const config = readFileSync(join(dir, "team", "coach.yaml"), "utf8");
    expect(config).toContain("id: account-care");
    expect(readFileSync(join(dir, "team", ".gitignore"), "utf8")).toContain(".coach/");
    writeFile(join(dir, "team", "coach.yaml"), "manager: Jordan\n");
    const second = await coach(["init", "team"], { cwd: dir });
    expect(second).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: ${join(dir, "team", "coach.yaml")} already exists; nothing was changed; use that workspace, or choose another folder\n`,
    });
    expect(readFileSync(join(dir, "team", "coach.yaml"), "utf8")).toBe("manager: Jordan\n");
  });

  it("keeps an existing .gitignore, adding the index folder to it", async () => {
    const dir = tempDir();
    writeFile(join(dir, ".gitignore"), "secrets.txt");
    expect((await coach(["init"], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toMatch(/^secrets\.txt\n.*\n\.coach\/\n$/);
  });

  it("finds the workspace from a subfolder, as git finds .git", async () => {
    const dir = tempDir();
    await coach(["init"], { cwd: dir });
    await coach(["rep", "add", "Alex Kim"], { cwd: dir });
    const result = await coach(["rep", "list", "--json"], { cwd: join(dir, "reps", "alex-kim") });
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ id: "alex-kim", name: "Alex Kim" })]);
  });

  it("reports a broken coach.yaml at its line and column", async () => {
    const dir = tempDir();
    writeFile(join(dir, "coach.yaml"), "manager: Jordan\ncadence:\n  one_on_one_days: weekly\n");
    const result = await coach(["rep", "list"], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: ${join(dir, "coach.yaml")}:3:20: cadence.one_on_one_days: expected a number of days, such as 7; fix coach.yaml or remove the field to use the default; \`coach templates validate\` lists every problem\n`,
    });
  });
});

describe("coach rep", () => {
  it("adds, lists and shows reps; refuses duplicates and unknown styles", async () => {
    const dir = tempDir();
    const env = { COACH_WORKSPACE: dir };
    const added = await coach(
      [
        "rep",
        "add",
        "Alex Kim",
        "--role",
        "AE",
        "--style",
        "Driver",
        "--goal",
        "Lead a team",
        "--goal",
        "Win Acme",
        "--json",
      ],
      { env },
    );
    expect(JSON.parse(added.stdout)).toEqual({ written: [join(dir, "reps", "alex-kim", "rep.yaml")], id: "alex-kim" });
    const shown = await coach(["rep", "show", "Alex Kim"], { env });
    expect(shown.stdout).toContain("Alex Kim (alex-kim)");
    expect(shown.stdout).toContain("    - Win Acme");
    expect(shown.stdout).toContain("Adapting to a driver:");
    expect((await coach(["rep", "list"], { env })).stdout).toMatch(
      /^ID\s+NAME\s+ROLE\s+STYLE\s+FOCUS\s+GOALS\nalex-kim\s+Alex Kim\s+AE\s+driver\s+-\s+2 open\n$/,
    );
    expect(await coach(["rep", "add", "alex kim"], { env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("a rep with id 'alex-kim' already exists"),
    });
    expect(await coach(["rep", "add", "Sam", "--style", "bossy"], { env })).toMatchObject({
      code: 2,
      stderr: "error: --style: expected one of driver, expressive, amiable, analytical; see the command's --help\n",
    });
    expect(await coach(["rep", "add", "🎯"], { env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("has no letters or digits"),
    });
  });
});

describe("colour", () => {
  it("is off with NO_COLOR or without a terminal, on with FORCE_COLOR", async () => {
    const dir = tempDir();
    const env = { COACH_WORKSPACE: dir };
    expect((await coach(["templates", "list"], { env })).stdout).not.toContain("\u001b[");
    expect((await coach(["templates", "list"], { env: { ...env, NO_COLOR: "", FORCE_COLOR: "1" } })).stdout).toContain(
      "\u001b[",
    );
    expect(
      (await coach(["templates", "list", "--no-color"], { env: { ...env, NO_COLOR: "", FORCE_COLOR: "1" } })).stdout,
    ).not.toContain("\u001b[");
  });
});
