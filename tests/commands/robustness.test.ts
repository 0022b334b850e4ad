import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { coach, PROSPECTING_PLAN_ANSWERS, recordFiles, tempDir, writeFile } from "../helpers.js";

async function workspaceWith(...names: string[]) {
  const workspace = tempDir();
  const env = { COACH_WORKSPACE: workspace };
  for (const name of names) expect((await coach(["rep", "add", name], { env })).code).toBe(0);
  return { workspace, env };
}

describe("what a person or another tool breaks by hand", () => {
  it("a broken rep profile is skipped by lists with a warning, not fatal to them", async () => {
    const { workspace, env } = await workspaceWith("Alex Kim", "Sam Lee");
    writeFileSync(join(workspace, "reps", "sam-lee", "rep.yaml"), "id: sam-lee\nname: [oops\n");
    const list = await coach(["rep", "list", "--json"], { env });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((r: { id: string }) => r.id)).toEqual(["alex-kim"]);
    expect(list.stderr).toMatch(/^warning: skipped a broken rep profile: .*reps\/sam-lee\/rep\.yaml:\d+:\d+: /);
    expect((await coach(["drill", "--week", "--json"], { env })).code).toBe(0);
  });

  it("a list whose only entries are broken says they were skipped, not that there are none yet", async () => {
    const { workspace, env } = await workspaceWith("Sam Lee");
    writeFileSync(join(workspace, "reps", "sam-lee", "rep.yaml"), "id: sam-lee\nname: [oops\n");
    const reps = await coach(["rep", "list"], { env });
    expect(reps.code).toBe(0);
    expect(reps.stderr).toMatch(/^warning: skipped a broken rep profile: .*rep\.yaml:\d+:\d+: /);
    expect(reps.stdout + reps.stderr).toContain(
      `No reps to list in ${workspace}: 1 broken profile skipped; fix rep.yaml by hand`,
    );
    expect(reps.stdout + reps.stderr).not.toContain("No reps yet");

    const other = await workspaceWith("Alex Kim");
    expect((await coach(["deal", "add", "alex-kim", "Acme renewal"], { env: other.env })).code).toBe(0);
    const deal = join(other.workspace, "reps", "alex-kim", "deals", "acme-renewal.md");
    writeFileSync(deal, readFileSync(deal, "utf8").replace(/^stage: .*$/m, "stage: [oops"));
    const deals = await coach(["deal", "list", "alex-kim"], { env: other.env });
    expect(deals.code).toBe(0);
    expect(deals.stderr).toMatch(/^warning: skipped a broken deal: .*acme-renewal\.md:\d+:\d+: /);
    expect(deals.stdout + deals.stderr).toContain(
      "No deals to list for Alex Kim: 1 broken deal skipped; fix the front matter by hand",
    );
  });

  it("a profile whose id does not match its folder is reported with the fix", async () => {
    const { workspace, env } = await workspaceWith("Sam Lee");
    writeFileSync(join(workspace, "reps", "sam-lee", "rep.yaml"), "id: other-id\nname: Sam Lee\n");
    const shown = await coach(["rep", "show", "sam-lee"], { env });
    expect(shown.code).toBe(2);
    expect(shown.stderr).toContain(
      "rep.yaml:1:1: id 'other-id' does not match its folder 'sam-lee'; set `id: sam-lee` in the profile",
    );
  });

  it("a damaged index entry is parsed from its file again, not trusted", async () => {
    const { workspace, env } = await workspaceWith("Alex Kim");
    expect(
      (
        await coach(["plan", "alex-kim", "--answers", "-", "-q"], {
          env,
          stdin: stringify(PROSPECTING_PLAN_ANSWERS),
        })
      ).code,
    ).toBe(0);
    expect((await coach(["actions", "add", "alex-kim", "Call Acme", "--json"], { env })).code).toBe(0);
    const before = JSON.parse((await coach(["actions", "--json"], { env })).stdout);
    const shard = join(workspace, ".coach", "index", "alex-kim.json");
    const index = JSON.parse(readFileSync(shard, "utf8"));
    for (const entry of Object.values(index.files) as { value: Record<string, unknown> }[]) {
      if (entry.value.type === "note") entry.value.actions = 5;
      else entry.value = {};
    }
    writeFileSync(shard, JSON.stringify(index));
    const after = await coach(["actions", "--json"], { env });
    expect(after).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(after.stdout)).toEqual(before);
  });
});

describe("inputs that would bend the history", () => {
  it("refuses a --date after today, and closing an action before it was made", async () => {
    const { env } = await workspaceWith("Alex Kim");
    expect(await coach(["actions", "add", "alex-kim", "Call Acme", "--date", "2027-01-01"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: --date 2027-01-01 is after today (2026-11-22); --date back-dates a record; leave it out for today\n",
    });
    const id = JSON.parse(
      (await coach(["actions", "add", "alex-kim", "Call Acme", "--date", "2026-11-20", "--json"], { env })).stdout,
    ).id;
    expect(await coach(["actions", "done", id, "--date", "2026-11-19"], { env })).toMatchObject({
      code: 2,
      stderr:
        "error: --date 2026-11-19 is before the action was made (2026-11-20); give the day it was really closed\n",
    });
  });

  it("a back-dated session does not follow a plan made after it", async () => {
    const { workspace, env } = await workspaceWith("Alex Kim");
    await coach(["plan", "alex-kim", "--answers", "-", "-q"], { env, stdin: stringify(PROSPECTING_PLAN_ANSWERS) });
    const answers = stringify({
      goal: "g",
      recent_openings: "r",
      buyer_reaction: "b",
      preparation: "p",
      rate_opening: 3,
      rate_planning: 3,
      self_talk: "t",
      options: ["a"],
      will: "w",
      evidence: "e",
    });
    const result = await coach(
      ["session", "alex-kim", "--template", "session-prospecting", "--date", "2026-11-20", "--answers", "-", "--json"],
      { env, stdin: answers },
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout).written).toHaveLength(1);
    const plan = recordFiles(workspace, "alex-kim").find((f) => f.includes("-plan-"))!;
    expect(readFileSync(plan, "utf8")).toContain("status: planned");
  });

  it("refuses control characters in a rep's name, and a workspace that is a file", async () => {
    const { env } = await workspaceWith();
    expect(await coach(["rep", "add", "x\u0001y"], { env })).toMatchObject({
      code: 2,
      stderr: "error: a name cannot hold control characters; see the command's --help\n",
    });
    const file = writeFile(join(tempDir(), "not-a-folder"), "x");
    expect(await coach(["-w", file, "rep", "add", "Bob"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: the workspace ${file} (from --workspace) is a file, not a folder; point --workspace or COACH_WORKSPACE at a folder\n`,
    });
  });
});
