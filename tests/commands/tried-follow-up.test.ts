import { describe, expect, it } from "vitest";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, read, recordFiles, writtenRecord } from "../helpers.js";
import { holdSession, PROSPECTING_SESSION_ANSWERS, workspaceWithRep } from "../session-fixtures.js";

describe("a follow-up can be tried", () => {
  it("closes the commitment, keeps what was learned, and counts in the review and the action list", async () => {
    const workspace = await workspaceWithRep();
    const [bold, plain] = await holdSession(
      workspace,
      { actions: [{ text: "Open with the quarter" }, { text: "Call" }] },
      ["--date", "2026-11-15"],
    );
    await holdSession(workspace, {
      follow_ups: { [bold!]: { status: "tried", note: "Buyers liked it; I rushed the pause" }, [plain!]: "done" },
    });

    const list = await coach(["--json", "actions", "--all"], { workspace });
    expect(JSON.parse(list.stdout)).toContainEqual(
      expect.objectContaining({ id: bold, status: "tried", closed_on: "2026-11-22" }),
    );
    const open = await coach(["--json", "actions"], { workspace });
    expect(JSON.parse(open.stdout).map((a: { id: string }) => a.id)).not.toContain(bold);
    const text = await coach(["actions", "--all"], { workspace });
    expect(text.stdout).toMatch(/tried/);

    const review = JSON.parse((await coach(["--json", "review", "alex-kim"], { workspace })).stdout);
    expect(review.actions).toMatchObject({ made: 2, done: 1, tried: 1, dropped: 0, open: 0 });
    const latest = recordFiles(workspace, "alex-kim")
      .filter((f) => f.includes("2026-11-22-session"))
      .at(-1)!;
    expect(read(latest)).toContain("Buyers liked it; I rushed the pause");
    expect(read(latest)).toMatch(/Open with the quarter: tried/);
  });

  it("at a terminal, tried asks what the attempt taught", async () => {
    const workspace = await workspaceWithRep();
    const [action] = await holdSession(workspace, { actions: [{ text: "Open with the quarter" }] }, [
      "--date",
      "2026-11-15",
    ]);
    const prompter = new ScriptedPrompter({
      ...PROSPECTING_SESSION_ANSWERS,
      options: "Lead with their quarter; Mention a peer",
      [action!]: "tried",
      [`${action}_note`]: "Pausing after the question works",
      add_action_1: false,
    });
    const result = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(result.code).toBe(0);
    expect(prompter.asked).toContain(`${action}_note`);
    expect(writtenRecord(result)).toContain("Pausing after the question works");
  });
});

describe("the rep's word on the coaching", () => {
  it("is asked every fourth 1:1, kept in the record, and trended in the review", async () => {
    const workspace = await workspaceWithRep();
    const feedback = { coaching_feedback: 4, coaching_feedback_note: "More role-play, less recap" };
    for (const date of ["2026-11-01", "2026-11-08", "2026-11-15"])
      await holdSession(workspace, feedback, ["--date", date]);
    const early = recordFiles(workspace, "alex-kim").map(read);
    expect(early.some((text) => text.includes("coaching_feedback"))).toBe(false);

    await holdSession(workspace, feedback, ["--date", "2026-11-22"]);
    const fourth = recordFiles(workspace, "alex-kim").find((f) => f.includes("2026-11-22-session"))!;
    expect(read(fourth)).toMatch(/coaching_feedback:\n {2}value: 4\n {2}note: More role-play, less recap\n/);
    expect(read(fourth)).toContain("## How the coaching works for Alex Kim\n\n4 of 5: More role-play, less recap");
    const review = JSON.parse((await coach(["--json", "review", "alex-kim"], { workspace })).stdout);
    expect(review.coaching_feedback).toEqual([{ date: "2026-11-22", value: 4 }]);
  });

  it("is optional: a fourth session from a file that leaves it out still completes", async () => {
    const workspace = await workspaceWithRep();
    for (const date of ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22"])
      await holdSession(workspace, {}, ["--date", date]);
    const fourth = recordFiles(workspace, "alex-kim").find((f) => f.includes("2026-11-22-session"))!;
    expect(read(fourth)).toMatch(/coaching_feedback:\n {2}value: null\n/);
  });
});
