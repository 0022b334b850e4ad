import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, read, tempDir } from "../helpers.js";
import { answersFile, holdFromMissing, PROSPECTING_SESSION_ANSWERS } from "../session-fixtures.js";

/** Dana Lee with two goals: one at discovery with its why, measure and date, one about self-talk. */
async function repWithGoals(): Promise<string> {
  const workspace = tempDir();
  await coach(["init", workspace]);
  await coach(["rep", "add", "Dana Lee"], { workspace });
  await coach(
    ["rep", "goal", "add", "dana-lee", "Run discovery alone", "--why", "to own my deals end to end"].concat([
      "--stage",
      "discovery",
      "--measure",
      "three discovery calls led alone",
      "--by",
      "2026-12-31",
    ]),
    { workspace },
  );
  await coach(["rep", "goal", "add", "dana-lee", "Believe in my pitch", "--skill", "self-talk"], { workspace });
  return workspace;
}

async function add(workspace: string, ...argv: string[]): Promise<string> {
  const result = await coach(["actions", "add", "dana-lee", ...argv], { workspace });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe("a commitment names the goal it serves", () => {
  it("actions add --goal and actions edit --goal keep it; an unknown goal is exit 2 with a did-you-mean", async () => {
    const workspace = await repWithGoals();
    const id = await add(workspace, "Lead the Acme discovery call", "--goal", "G1", "--due", "friday");
    const other = await add(workspace, "Write three self-talk cards");
    const edited = await coach(["actions", "edit", other, "--goal", "g2"], { workspace });
    expect(edited.stderr).toContain("Write three self-talk cards (rep, no due date, for goal g2)");
    const listed = JSON.parse((await coach(["--json", "actions", "dana-lee"], { workspace })).stdout);
    expect(listed.map((row: { id: string; goal?: string }) => [row.id, row.goal])).toEqual([
      [id, "g1"],
      [other, "g2"],
    ]);

    const table = await coach(["actions", "dana-lee"], { workspace });
    expect(table.stdout).toMatch(/STATUS\s+GOAL\s+COMMITMENT/);
    expect(table.stdout).toMatch(
      new RegExp(`${id}\\s+rep\\s+2026-11-27\\s+open\\s+g1\\s+Lead the Acme discovery call`),
    );

    const unknown = await coach(["actions", "add", "dana-lee", "Call Acme", "--goal", "g7"], { workspace });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "error: --goal: Dana Lee has no goal 'g7'; did you mean 'g1'? Dana Lee's goals: g1, g2 (`coach rep show dana-lee`)\n",
    );
    const badEdit = await coach(["actions", "edit", other, "--goal", "g9"], { workspace });
    expect(badEdit.code).toBe(2);
    expect(badEdit.stderr).toContain("--goal: Dana Lee has no goal 'g9'");
  });

  it("actions edit --no-goal unties a commitment from its goal, and the action plan moves it", async () => {
    const workspace = await repWithGoals();
    const id = await add(workspace, "Lead the Acme discovery call", "--goal", "g1");
    const untied = await coach(["actions", "edit", id, "--no-goal"], { workspace });
    expect(untied.code, untied.stderr).toBe(0);
    expect(untied.stderr).toContain(`Edited \`${id}\`: Lead the Acme discovery call (rep, no due date) (`);
    const listed = JSON.parse((await coach(["--json", "actions", "dana-lee"], { workspace })).stdout);
    expect(listed[0]).not.toHaveProperty("goal");
    const page = (await coach(["actions", "dana-lee", "--format", "md"], { workspace })).stdout;
    expect(page).toContain("## Other commitments\n\n- [ ] Lead the Acme discovery call (Dana Lee, no due date)\n");

    const again = await coach(["actions", "edit", id, "--no-goal"], { workspace });
    expect(again.stderr).toContain("already reads so: nothing changed");
    const retied = await coach(["actions", "edit", id, "--goal", "g2"], { workspace });
    expect(retied.stderr).toContain("(rep, no due date, for goal g2)");
  });

  it("a session's commitments take it from actions[].goal, or at the prompt; an unknown one is refused", async () => {
    const workspace = await repWithGoals();
    const file = answersFile(tempDir(), {
      ...PROSPECTING_SESSION_ANSWERS,
      focus_choice: "prospecting",
      actions: [{ text: "Lead the Acme discovery call", goal: "g1" }, { text: "Tidy the CRM" }],
    });
    const held = await coach(["--json", "session", "dana-lee", "--answers", file], { workspace });
    expect(held.code, held.stderr).toBe(0);
    const session = read(JSON.parse(held.stdout).written[0]);
    expect(session).toMatch(/text: Lead the Acme discovery call\n(\s+\w+: .*\n)*\s+goal: g1\n/);

    const wrong = answersFile(tempDir(), {
      ...PROSPECTING_SESSION_ANSWERS,
      focus_choice: "prospecting",
      actions: [{ text: "Call Acme", goal: "g5" }],
    });
    const refused = await coach(["session", "dana-lee", "--answers", wrong], { workspace });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/actions\[0\]\.goal: expected one of none, g1, g2/);
  });
});

describe("coach actions <rep> --format md: the action plan", () => {
  it("lists each open goal with why, measure and date, its commitments open first, its skills; then the rest", async () => {
    const workspace = await repWithGoals();
    const later = await add(workspace, "Run the Beta call alone", "--goal", "g1", "--due", "2026-12-04");
    await add(workspace, "Lead the Acme discovery call", "--goal", "g1", "--due", "2026-11-27");
    const done = await add(workspace, "Listen to two recorded calls", "--goal", "g1");
    await coach(["actions", "done", done], { workspace });
    await add(workspace, "Tidy the CRM", "--due", "friday");
    const dropped = await add(workspace, "Old idea", "--goal", "g1");
    await coach(["actions", "drop", dropped], { workspace });
    await coach(["rep", "goal", "add", "dana-lee", "Finished already"], { workspace });
    await coach(["rep", "goal", "done", "dana-lee", "g3"], { workspace });

    const result = await coach(["actions", "dana-lee", "--format", "md"], { workspace });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`# Action plan: Dana Lee

As of 2026-11-22.

## Run discovery alone (\`g1\`)

- **Why:** to own my deals end to end
- **How we will know:** three discovery calls led alone
- **By:** 2026-12-31

**Commitments**

- [ ] Lead the Acme discovery call (Dana Lee, due 2026-11-27)
- [ ] Run the Beta call alone (Dana Lee, due 2026-12-04)
- [x] Listen to two recorded calls (Dana Lee, done 2026-11-22)

**Skills**

| Skill | Latest rating | Next drill |
| --- | --- | --- |
| open-questions | not rated yet | 2026-11-22 (first time) |
| active-listening | not rated yet | 2026-11-22 (first time) |
| paraphrasing | not rated yet | 2026-11-22 (first time) |

## Believe in my pitch (\`g2\`)

**Commitments**

None yet: agree on a first step at the next 1:1.

**Skills**

| Skill | Latest rating | Next drill |
| --- | --- | --- |
| self-talk | not rated yet | 2026-11-22 (first time) |

## Other commitments

- [ ] Tidy the CRM (Dana Lee, due 2026-11-27)
`);
    expect(later).toMatch(/^\w+$/);
  });

  it("says which open commitments are late", async () => {
    const workspace = await repWithGoals();
    await add(workspace, "Lead the Acme discovery call", "--goal", "g1", "--due", "2026-11-24");
    await add(workspace, "Tidy the CRM", "--due", "2026-11-29");
    const page = await coach(["actions", "dana-lee", "--format", "md"], {
      workspace,
      env: { COACH_TODAY: "2026-11-30" },
    });
    expect(page.code, page.stderr).toBe(0);
    expect(page.stdout).toContain("- [ ] Lead the Acme discovery call (Dana Lee, due 2026-11-24, overdue 6 days)");
    expect(page.stdout).toContain("- [ ] Tidy the CRM (Dana Lee, due 2026-11-29, overdue 1 day)");
  });

  it("shows the latest 1:1 rating and the next drill from the schedule", async () => {
    const workspace = await repWithGoals();
    await holdFromMissing(workspace, ["session", "dana-lee", "--template", "session-discovery"], {
      rate_listening: 2,
    });
    const result = await coach(["actions", "dana-lee", "--format", "md"], { workspace });
    // Rated 2 in the 1:1: its drill comes within three days.
    expect(result.stdout).toMatch(/\| active-listening \| 2 of 5 \(2026-11-22\) \| 2026-11-2[2-5]/);
  });

  it("--out writes the page atomically, owner-only; the wrong combinations are exit 2", async () => {
    const workspace = await repWithGoals();
    const out = join(tempDir(), "plan.md");
    const written = await coach(["--json", "actions", "dana-lee", "--format", "md", "--out", out], { workspace });
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toEqual({ written: [out], id: "dana-lee" });
    expect(read(out)).toMatch(/^# Action plan: Dana Lee\n/);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const noRep = await coach(["actions", "--format", "md"], { workspace });
    expect([noRep.code, noRep.stderr]).toEqual([
      2,
      "error: --format md is one rep's action plan; name the rep: `coach actions alex-kim --format md`\n",
    ]);
    const outAlone = await coach(["actions", "dana-lee", "--out", out], { workspace });
    expect(outAlone.code).toBe(2);
    expect(outAlone.stderr).toContain("--out writes the action plan; add --format md");
    const json = await coach(["--json", "actions", "dana-lee", "--format", "md"], { workspace });
    expect(json.code).toBe(2);
  });
});
