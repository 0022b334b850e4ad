import { readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, tempDir } from "../helpers.js";
import { repProfile, session, writeHistory } from "../history.js";
import { workspaceWithRep } from "../session-fixtures.js";

const profileOf = (workspace: string) => join(workspace, "reps", "alex-kim", "rep.yaml");

/** A profile as a person might write it: comments, a key coach does not know, goals as plain strings. */
const HAND_WRITTEN = `# Alex's profile, kept by hand
id: alex-kim
name: Alex Kim
role: AE # since March
goals:
  - Make senior AE # her words
  - Win Acme
team: east
`;

async function showJson(workspace: string) {
  const result = await coach(["--json", "rep", "show", "alex-kim"], { workspace });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe("coach rep goal", () => {
  it("refuses alike, everywhere and with exit 2, a profile only a lenient reader would take", async () => {
    const workspace = await workspaceWithRep();
    // Old Mac line endings and an unknown directive: js-yaml reads both, `yaml` refuses both.
    for (const text of ["id: alex-kim\rname: Alex Kim\r", "%FOO bar\n---\nid: alex-kim\nname: Alex Kim\n"]) {
      writeFileSync(profileOf(workspace), text);
      for (const args of [
        ["rep", "show", "alex-kim"],
        ["rep", "goal", "add", "alex-kim", "Win Acme"],
      ]) {
        const result = await coach(args, { workspace });
        expect(result, `${JSON.stringify(text)} ${args.join(" ")}`).toMatchObject({ code: 2 });
        expect(result.stderr).toMatch(/^error: reps\/alex-kim\/rep\.yaml:\d+:\d+: /);
        expect(readFileSync(profileOf(workspace), "utf8")).toBe(text);
      }
      const listed = await coach(["rep", "list"], { workspace });
      expect(listed.stderr).toContain("warning: skipped a broken rep profile: reps/alex-kim/rep.yaml:");
    }
  });

  it("refuses a profile over 1 MB by its size alone, wherever it is read", async () => {
    const workspace = await workspaceWithRep();
    // Sparse, so it takes no disk: 3 GB of text could not even be read into one string.
    writeFileSync(profileOf(workspace), "");
    truncateSync(profileOf(workspace), 3 * 1024 ** 3);
    const tooBig = "reps/alex-kim/rep.yaml:1:1: the YAML is 3072.0 MB, over the 1 MB limit; shorten it or split it up";
    for (const args of [
      ["rep", "show", "alex-kim"],
      ["plan", "alex-kim"],
      ["rep", "goal", "add", "alex-kim", "Win Acme"],
    ]) {
      const result = await coach(args, { workspace });
      expect(result, args.join(" ")).toMatchObject({ code: 2 });
      expect(result.stderr.split("\n")[0]).toContain(`error: ${tooBig}`);
    }
    const team = await coach(["review", "--team"], { workspace });
    expect(team.code).toBe(0);
    expect(team.stderr).toContain(tooBig);
    expect(statSync(profileOf(workspace)).size).toBe(3 * 1024 ** 3);
  });

  it("reads plain-string goals as open goals g1, g2 and adds the next with every detail", async () => {
    const workspace = await workspaceWithRep();
    writeFileSync(profileOf(workspace), HAND_WRITTEN);
    expect((await showJson(workspace)).goals).toEqual([
      { id: "g1", text: "Make senior AE", status: "open" },
      { id: "g2", text: "Win Acme", status: "open" },
    ]);
    const added = await coach(
      [
        "rep",
        "goal",
        "add",
        "alex-kim",
        "Close a six-figure deal",
        "--why",
        "to make senior AE",
        "--skill",
        "Objection-Handling",
        "--stage",
        "CLOSING",
        "--measure",
        "one deal over 100k",
        "--by",
        "next month",
      ],
      { workspace },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim()).toBe("g3");
    const text = readFileSync(profileOf(workspace), "utf8");
    // The person's comments and keys survive the edit.
    expect(text).toContain("# Alex's profile, kept by hand\n");
    expect(text).toContain("role: AE # since March\n");
    expect(text).toContain("Make senior AE # her words");
    expect(text).toContain("team: east\n");
    expect((await showJson(workspace)).goals[2]).toEqual({
      id: "g3",
      text: "Close a six-figure deal",
      why: "to make senior AE",
      skills: ["objection-handling"],
      stage: "closing",
      measure: "one deal over 100k",
      by: "2026-12-22",
      status: "open",
      added: "2026-11-22",
    });
  });

  it("marks goals done or dropped, and keeps their ids", async () => {
    const workspace = await workspaceWithRep();
    writeFileSync(profileOf(workspace), HAND_WRITTEN);
    expect((await coach(["rep", "goal", "done", "alex-kim", "G2"], { workspace })).code).toBe(0);
    expect((await coach(["rep", "goal", "drop", "Alex Kim", "g1"], { workspace })).code).toBe(0);
    const goals = (await showJson(workspace)).goals;
    expect(goals.map((g: { id: string; status: string }) => `${g.id} ${g.status}`)).toEqual(["g1 dropped", "g2 done"]);
    const list = await coach(["rep", "list"], { workspace, columns: 120 });
    expect(list.stdout).toMatch(/alex-kim +Alex Kim .* 0 open, 2 closed/);
    const show = await coach(["rep", "show", "alex-kim"], { workspace });
    expect(show.stdout).toContain("    - Win Acme [g2, done]");
  });

  it("refuses an unknown skill, stage, date or goal with a hint and exit 2, leaving the file alone", async () => {
    const workspace = await workspaceWithRep();
    writeFileSync(profileOf(workspace), HAND_WRITTEN);
    const cases: [string[], string][] = [
      [["add", "alex-kim", "Listen", "--skill", "active-listenin"], "did you mean 'active-listening'?"],
      [["add", "alex-kim", "Close", "--stage", "closin"], "did you mean 'closing'?"],
      [["add", "alex-kim", "Close", "--by", "someday"], "'someday' is not a date I know"],
      [["add", "alex-kim", "Close", "--by", "2026-01-01"], "2026-01-01 is in the past"],
      [["done", "alex-kim", "g7"], "Alex Kim has no goal 'g7'; goals: g1 (open), g2 (open)"],
    ];
    for (const [argv, message] of cases) {
      const result = await coach(["rep", "goal", ...argv], { workspace });
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(readFileSync(profileOf(workspace), "utf8")).toBe(HAND_WRITTEN);
  });

  it("refuses a profile whose goals claim one id twice, naming the line", async () => {
    const workspace = await workspaceWithRep();
    writeFileSync(
      profileOf(workspace),
      "id: alex-kim\nname: Alex Kim\ngoals:\n  - id: g1\n    text: One\n  - id: g1\n    text: Two\n",
    );
    const result = await coach(["rep", "show", "alex-kim"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: reps/alex-kim/rep.yaml:6:");
    expect(result.stderr).toContain("goal id 'g1' is used twice");
  });

  it("gives goals from `rep add --goal` ids at once", async () => {
    const workspace = await workspaceWithRep();
    await coach(["rep", "add", "Sam Poe", "--goal", "Lead a team", "--goal", "Win Acme"], { workspace });
    const text = readFileSync(join(workspace, "reps", "sam-poe", "rep.yaml"), "utf8");
    expect(text).toContain("- id: g1\n    text: Lead a team\n    status: open\n");
    expect(text).toContain("- id: g2\n    text: Win Acme\n");
  });
});

describe("coach rep edit and remove", () => {
  it("changes name, role, style and focus in place, case-insensitively, and clears the focus", async () => {
    const workspace = await workspaceWithRep();
    const before = readFileSync(profileOf(workspace), "utf8");
    writeFileSync(profileOf(workspace), `# kept\n${before}`);
    const edit = await coach(
      [
        "rep",
        "edit",
        "alex-kim",
        "--name",
        "Alex K. Kim",
        "--role",
        "Senior AE",
        "--style",
        "Analytical",
        "--focus",
        "Discovery",
      ],
      { workspace },
    );
    expect(edit.code, edit.stderr).toBe(0);
    let rep = await showJson(workspace);
    expect(rep).toMatchObject({ id: "alex-kim", name: "Alex K. Kim", role: "Senior AE", style: "analytical" });
    expect(rep.focus_stage).toBe("discovery");
    expect((await coach(["rep", "edit", "alex-kim", "--no-focus"], { workspace })).code).toBe(0);
    rep = await showJson(workspace);
    expect(rep.focus_stage).toBeNull();
    expect(readFileSync(profileOf(workspace), "utf8")).toMatch(/^# kept\n/);
    for (const flags of [
      ["--focus", "discovery", "--no-focus"],
      ["--no-focus", "--focus", "discovery"],
    ]) {
      const both = await coach(["rep", "edit", "alex-kim", ...flags], { workspace });
      expect(both.code).toBe(2);
      expect(both.stderr).toBe(
        "error: --focus <stage> and --no-focus cannot be used together; give one of them; see `coach --help`\n",
      );
    }
    expect((await showJson(workspace)).focus_stage).toBeNull();
    const bad = await coach(["rep", "edit", "alex-kim", "--style", "bossy"], { workspace });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("expected one of driver, expressive, amiable, analytical");
  });

  it("archives a rep: the list leaves them out, --all shows them, the records stay", async () => {
    const workspace = await workspaceWithRep();
    await coach(["rep", "add", "Sam Poe"], { workspace });
    const removed = await coach(["rep", "remove", "alex-kim"], { workspace });
    expect(removed.code, removed.stderr).toBe(0);
    expect(readFileSync(profileOf(workspace), "utf8")).toContain('archived: "2026-11-22"\n');
    const ids = async (...flags: string[]) =>
      JSON.parse((await coach(["--json", "rep", "list", ...flags], { workspace })).stdout).map(
        (r: { id: string }) => r.id,
      );
    expect(await ids()).toEqual(["sam-poe"]);
    expect(await ids("--all")).toEqual(["alex-kim", "sam-poe"]);
    const again = await coach(["rep", "remove", "alex-kim"], { workspace });
    expect(again.stderr).toContain("archived on 2026-11-22 already");
  });
});

describe("an archived rep", () => {
  it("is left out of the team review, the calendar and completion, and kept with --all and their records", async () => {
    const root = tempDir();
    writeHistory(
      root,
      [repProfile("alex-kim", { added: "2026-06-01" }), repProfile("sam-poe", { added: "2026-06-01" })],
      [session("alex-kim", "2026-11-02"), session("sam-poe", "2026-11-03")],
    );
    expect((await coach(["rep", "remove", "sam-poe"], { workspace: root })).code).toBe(0);
    const teamOf = async (...flags: string[]) =>
      JSON.parse((await coach(["review", "--team", "--json", ...flags], { workspace: root })).stdout).reps.map(
        (r: { rep: string }) => r.rep,
      );
    expect(await teamOf()).toEqual(["alex-kim"]);
    expect((await teamOf("--all")).sort()).toEqual(["alex-kim", "sam-poe"]);
    const calendar = (await coach(["calendar"], { workspace: root })).stdout;
    expect(calendar).toContain("1:1 with Alex Kim");
    expect(calendar).not.toContain("Sam Poe");
    expect((await coach(["completion", "--list", "rep"], { workspace: root })).stdout).toBe("alex-kim\n");
    const review = JSON.parse((await coach(["review", "sam-poe", "--json"], { workspace: root })).stdout);
    expect(review.cadence.held).toBe(1);
  });
});
