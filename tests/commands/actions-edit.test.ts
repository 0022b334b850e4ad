import { describe, expect, it } from "vitest";
import { coach, coachBin, read } from "../helpers.js";
import { workspaceWithRep } from "../session-fixtures.js";

interface Row {
  id: string;
  text: string;
  owner: string;
  due: string | null;
  status: string;
}

async function rows(workspace: string): Promise<Row[]> {
  const result = await coach(["--json", "actions", "--all"], { workspace });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Row[];
}

async function addOne(workspace: string): Promise<{ id: string; made: string }> {
  const added = await coach(["--json", "actions", "add", "alex-kim", "Send the recap", "--due", "2026-11-25"], {
    workspace,
  });
  const out = JSON.parse(added.stdout) as { id: string; written: string[] };
  return { id: out.id, made: out.written[0]! };
}

describe("coach actions edit", () => {
  it("changes text, due date and owner as an event, leaving the record that made it as it was", async () => {
    const workspace = await workspaceWithRep();
    const { id, made } = await addOne(workspace);
    const original = read(made);
    const edited = await coach(
      [
        "actions",
        "edit",
        id,
        "--text",
        "Send the recap and the pricing sheet",
        "--due",
        "friday",
        "--owner",
        "Manager",
      ],
      { workspace },
    );
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).toContain(`Edited \`${id}\`: Send the recap and the pricing sheet (manager, due 2026-11-27)`);
    expect(read(made)).toBe(original);
    expect(await rows(workspace)).toMatchObject([
      { id, text: "Send the recap and the pricing sheet", owner: "manager", due: "2026-11-27", status: "open" },
    ]);
  });

  it("the latest edit of a field counts, and a close after an edit keeps the edited text", async () => {
    const workspace = await workspaceWithRep();
    const { id } = await addOne(workspace);
    await coach(["actions", "edit", id, "--due", "2026-12-01"], { workspace });
    await coach(["actions", "edit", id, "--due", "2026-12-03"], { workspace });
    await coach(["actions", "edit", id, "--text", "Send the short recap"], { workspace });
    expect(await rows(workspace)).toMatchObject([{ id, text: "Send the short recap", due: "2026-12-03" }]);
    expect((await coach(["actions", "done", id], { workspace })).code).toBe(0);
    expect(await rows(workspace)).toMatchObject([{ id, text: "Send the short recap", status: "done" }]);
  });

  it("takes an id pasted with spaces or in capitals, and refuses an empty one", async () => {
    const workspace = await workspaceWithRep();
    const { id } = await addOne(workspace);
    expect((await coach(["actions", "edit", ` ${id.toUpperCase()} `, "--due", "friday"], { workspace })).code).toBe(0);
    expect((await coach(["actions", "done", ` ${id.toUpperCase()}`], { workspace })).code).toBe(0);
    expect(await rows(workspace)).toMatchObject([{ id, due: "2026-11-27", status: "done" }]);
    for (const argv of [
      ["actions", "edit", " ", "--due", "friday"],
      ["actions", "drop", " "],
    ]) {
      const empty = await coach(argv, { workspace });
      expect(empty.code).toBe(2);
      expect(empty.stderr).toBe("error: give the action id; see the command's --help\n");
    }
  });

  it("refuses a due date in the past, an edit with nothing to change, and an unknown id, exit 2", async () => {
    const workspace = await workspaceWithRep();
    const { id } = await addOne(workspace);
    const past = await coach(["actions", "edit", id, "--due", "2026-11-01"], { workspace });
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/--due: 2026-11-01 is before 2026-11-22/);
    const nothing = await coach(["actions", "edit", id], { workspace });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/nothing to change.*give --text, --due, --owner, --goal or --no-goal/s);
    const unknown = await coach(["actions", "edit", "zzzzzz", "--due", "friday"], { workspace });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no action 'zzzzzz'/);
    expect(await rows(workspace)).toMatchObject([{ id, due: "2026-11-25" }]);
  });

  it("refuses --goal together with --no-goal, in either order, as a usage error naming both", async () => {
    const workspace = await workspaceWithRep();
    const { id } = await addOne(workspace);
    for (const flags of [
      ["--goal", "g1", "--no-goal"],
      ["--no-goal", "--goal", "g1"],
    ]) {
      const both = await coach(["actions", "edit", id, ...flags], { workspace });
      expect(both.code).toBe(2);
      expect(both.stderr).toBe(
        "error: --goal <goal-id> and --no-goal cannot be used together; give one of them; see `coach --help`\n",
      );
    }
    const json = await coach(["--json", "actions", "edit", id, "--no-goal", "--goal", "g1"], { workspace });
    expect(JSON.parse(json.stderr).error.code).toBe("conflicting_option");
    expect(await rows(workspace)).toMatchObject([{ id, text: "Send the recap", due: "2026-11-25" }]);
    expect((await rows(workspace))[0]).not.toHaveProperty("goal");
  });

  it("keeps every edit made at once by parallel processes", async () => {
    const workspace = await workspaceWithRep();
    const { id } = await addOne(workspace);
    const env = { COACH_WORKSPACE: workspace };
    const results = await Promise.all([
      coachBin(["actions", "edit", id, "--text", "Send the recap today"], { env }),
      coachBin(["actions", "edit", id, "--owner", "manager"], { env }),
      coachBin(["actions", "edit", id, "--due", "2026-12-04"], { env }),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(await rows(workspace)).toMatchObject([
      { id, text: "Send the recap today", owner: "manager", due: "2026-12-04" },
    ]);
  });
});
