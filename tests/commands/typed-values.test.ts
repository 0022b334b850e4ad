import { describe, expect, it } from "vitest";
import type { InputPrompt } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, recordFiles, tempDir } from "../helpers.js";
import { answersFile, PROSPECTING_SESSION_ANSWERS, workspaceWithRep } from "../session-fixtures.js";

describe("values typed on the command line and at prompts", () => {
  it("takes choices in any case: --owner Manager, --stage Negotiation, --kind Session", async () => {
    const workspace = await workspaceWithRep();
    const added = await coach(["actions", "add", "alex-kim", "Book the review", "--owner", "Manager"], { workspace });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain("(manager, no due date)");
    const listed = await coach(["--json", "templates", "list", "--stage", "Negotiation", "--kind", "Session"], {
      workspace,
    });
    expect(listed.code, listed.stderr).toBe(0);
    const ids = (JSON.parse(listed.stdout) as { id: string }[]).map((t) => t.id);
    expect(ids).toContain("session-negotiation");
  });

  it("refuses a due date before the record's day, on the command line and in a session", async () => {
    const workspace = await workspaceWithRep();
    const added = await coach(["actions", "add", "alex-kim", "Send the recap", "--due", "2026-11-01"], { workspace });
    expect(added.code).toBe(2);
    expect(added.stderr).toContain("--due: 2026-11-01 is before 2026-11-22, the day of this record");
    const file = answersFile(tempDir(), {
      ...PROSPECTING_SESSION_ANSWERS,
      actions: [{ text: "Send the recap", due: "2026-11-20" }],
    });
    const session = await coach(["session", "alex-kim", "--answers", file], { workspace });
    expect(session.code).toBe(2);
    expect(session.stderr).toContain("actions[0].due: 2026-11-20 is before 2026-11-22");
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });

  it("reads --date as --since reads a day: yesterday is the day before today", async () => {
    const workspace = await workspaceWithRep();
    const added = await coach(["--json", "actions", "add", "alex-kim", "Send the recap", "--date", "yesterday"], {
      workspace,
    });
    expect(added.code, added.stderr).toBe(0);
    expect((JSON.parse(added.stdout) as { written: string[] }).written[0]).toContain("2026-11-21-note-");
    const bad = await coach(["actions", "add", "alex-kim", "Send it", "--date", "someday"], { workspace });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--date 'someday' is not a date I know");
  });

  it("shows the date a typed due date means beside it at the prompt", async () => {
    const workspace = await workspaceWithRep();
    const shown: InputPrompt[] = [];
    const prompter = new (class extends ScriptedPrompter {
      override input(prompt: InputPrompt) {
        shown.push(prompt);
        return super.input(prompt);
      }
    })({
      focus_choice: "keep",
      ...PROSPECTING_SESSION_ANSWERS,
      options: "Lead with their quarter",
      add_action_1: true,
      action_1_text: "Send the recap",
      action_1_owner: "rep",
      action_1_due: "friday",
      add_action_2: false,
      took_over: false,
    });
    const result = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    const due = shown.find((p) => p.id === "action_1_due")!;
    // 2026-11-22 is a Sunday: friday is the 27th, 2w two weeks on.
    expect(due.meaning?.("friday")).toBe("2026-11-27");
    expect(due.meaning?.("2w")).toBe("2026-12-06");
    expect(due.meaning?.("whenever")).toBeUndefined();
  });
});
