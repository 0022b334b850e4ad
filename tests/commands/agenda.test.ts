import { describe, expect, it } from "vitest";
import { coach, PROSPECTING_PLAN_ANSWERS, recordFiles } from "../helpers.js";
import { answersFile, PROSPECTING_SESSION_ANSWERS, workspaceWithRep } from "../session-fixtures.js";

const BLOCK_IT = "! The time is not protected; coaching that slides to Friday rarely happens. Block it now.";

describe("the screen after plan and session", () => {
  it("a plan shows a compact agenda with the cautions first and last, then the record's path", async () => {
    const workspace = await workspaceWithRep();
    const answers = answersFile(workspace, { ...PROSPECTING_PLAN_ANSWERS, self_time: false });
    const result = await coach(["plan", "alex-kim", "--answers", answers], { workspace, columns: 120 });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    const [file] = recordFiles(workspace, "alex-kim");
    expect(lines[0]).toBe("1:1 plan: Alex Kim, 2026-11-22. Focus: Prospecting (Alex Kim's profile focus stage).");
    expect(lines[1]).toBe(BLOCK_IT);
    expect(lines.slice(-3)).toEqual([BLOCK_IT, "", `Full plan: ${file}`]);
    expect(result.stdout).toContain(
      "Ask: Way forward\n- Which change will you try, with which prospects, and by when?",
    );
    // the whole record stays in the file
    expect(lines.length).toBeLessThan(45);
    expect(result.stdout).not.toContain("**Focus:**");
  });

  it("-q prints only the path; --json prints what was written, as before", async () => {
    const workspace = await workspaceWithRep();
    const answers = answersFile(workspace, { ...PROSPECTING_PLAN_ANSWERS, self_time: false });
    const quiet = await coach(["-q", "plan", "alex-kim", "--answers", answers], { workspace });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe(`${recordFiles(workspace, "alex-kim")[0]}\n`);
    expect(quiet.stderr).toBe("");
    const json = await coach(
      ["--json", "session", "alex-kim", "--answers", answersFile(workspace, PROSPECTING_SESSION_ANSWERS)],
      {
        workspace,
      },
    );
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(["written", "id"]);
  });

  it("a session shows what was agreed, warns when nothing was, and ends with the record's path", async () => {
    const workspace = await workspaceWithRep();
    const none = await coach(
      ["session", "alex-kim", "--answers", answersFile(workspace, PROSPECTING_SESSION_ANSWERS)],
      {
        workspace,
        columns: 120,
      },
    );
    expect(none.code, none.stderr).toBe(0);
    const caution = "! No commitment was made: agree on one with Alex Kim (`coach actions add alex-kim`).";
    const lines = none.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("1:1 recorded: Alex Kim, 2026-11-22: Earning the first conversation (Prospecting).");
    expect(lines[1]).toBe(caution);
    expect(lines.at(-3)).toBe(caution);
    expect(lines.at(-1)).toMatch(/^Full record: .*-session-prospecting-\w+\.md$/);
    expect(none.stdout).toContain("Ratings\n- opening-statement 2/5, pre-call-planning 4/5");

    const dated = answersFile(workspace, {
      ...PROSPECTING_SESSION_ANSWERS,
      actions: [{ text: "Send the recap", due: "friday" }, { text: "Call Acme" }],
    });
    const agreed = await coach(["session", "alex-kim", "--answers", dated], { workspace, columns: 120 });
    expect(agreed.stdout).toMatch(/Commitments \(2\)\n- \w+ Send the recap \(rep, due 2026-11-27\)\n- (\w+) Call Acme/);
    expect(agreed.stdout).toMatch(
      /! A commitment has no due date: set one with `coach actions edit \w+ --due friday`\./,
    );
  });
});
