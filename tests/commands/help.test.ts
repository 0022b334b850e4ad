import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli.js";
import { coach, tempDir } from "../helpers.js";

/** The subcommands a help page lists under "Commands:", but `help` itself. */
function subcommandsIn(help: string): string[] {
  const section = help.split("\nCommands:\n")[1]?.split("\n\n")[0] ?? "";
  return [...section.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!).filter((name) => name !== "help");
}

async function helpOf(command: string[]): Promise<string> {
  const result = await coach([...command, "--help"], { workspace: tempDir() });
  expect(result.code, command.join(" ")).toBe(0);
  expect(result.stderr, command.join(" ")).toBe("");
  return result.stdout;
}

describe("help", () => {
  it("a subcommand lists under Global Options the program's options only, not its parent's", async () => {
    for (const sub of ["add", "done", "drop", "edit"]) {
      const help = await helpOf(["actions", sub]);
      const global = help.split("\nGlobal Options:\n")[1]?.split("\n\n")[0] ?? "";
      expect(global, sub).toContain("--json");
      expect(global, sub).not.toMatch(/--open|--overdue|--all|--format/);
    }
  });

  it("the program's help lists every command, with its usage and an example", async () => {
    const top = await helpOf([]);
    expect(subcommandsIn(top).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    for (const entry of COMMANDS) expect(top).toContain(`  ${entry.term} `);
    expect(top).toMatch(/Examples:\n {2}\$ coach /);
  });

  it("every command and subcommand shows its usage, with its arguments, and an example", async () => {
    const seen: string[] = [];
    for (const { name } of COMMANDS) {
      const help = await helpOf([name]);
      expect(help, name).toMatch(new RegExp(`^Usage: coach ${name} `));
      expect(help, name).toMatch(/Examples:\n {2}\$ coach /);
      seen.push(name);
      for (const sub of subcommandsIn(help)) {
        const subHelp = await helpOf([name, sub]);
        expect(subHelp, `${name} ${sub}`).toMatch(new RegExp(`^Usage: coach ${name} ${sub} `));
        expect(subHelp, `${name} ${sub}`).toMatch(new RegExp(`Examples:\\n {2}\\$ coach ${name} ${sub}`));
        seen.push(`${name} ${sub}`);
      }
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        "rep add",
        "templates validate",
        "templates packs",
        "actions drop",
        "actions edit",
        "deal gate",
        "drafts discard",
      ]),
    );
    // 13 commands (calendar, sync and completion have no subcommands); rep 6, templates 4, actions 4, deal 7, drafts 1.
    expect(seen).toHaveLength(13 + 6 + 4 + 4 + 7 + 1);
  });

  it("`coach help <command>` shows that command's help", async () => {
    const result = await coach(["help", "plan"], { workspace: tempDir() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: coach plan \[options\] \[rep\]/);
    expect(result.stdout).toContain("--stage <stage>");
  });

  it("global options before the command still reach it", async () => {
    const workspace = tempDir();
    expect((await coach(["-w", workspace, "rep", "add", "Alex Kim"])).code).toBe(0);
    const listed = await coach(["--workspace", workspace, "--json", "rep", "list"]);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: "alex-kim" }]);
  });
});

describe("bad flags and arguments", () => {
  it("an empty argument is named as the user knows it, not as a flag", async () => {
    const workspace = tempDir();
    expect(await coach(["rep", "add", ""], { workspace })).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: a rep needs a name; see the command's --help\n",
    });
    expect((await coach(["actions", "add", "alex-kim", " "], { workspace })).stderr).toBe(
      "error: a commitment needs text; see the command's --help\n",
    );
  });

  it("speaks coach's words, never zod's, where a schema gives none of its own", async () => {
    const workspace = tempDir();
    const goal = await coach(["rep", "add", "Alex Kim", "--goal", " "], { workspace });
    expect(goal).toMatchObject({ code: 2, stderr: "error: --goal: cannot be empty; see the command's --help\n" });
    const out = await coach(["review", "--team", "--out", ""], { workspace });
    expect(out).toMatchObject({ code: 2, stderr: "error: --out: cannot be empty; see the command's --help\n" });
    for (const result of [goal, out]) expect(result.stderr).not.toMatch(/Too small|Invalid|expected string/);
  });
});
