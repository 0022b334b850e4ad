import { describe, expect, it } from "vitest";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, writtenRecord } from "../helpers.js";
import { holdSession, PROSPECTING_SESSION_ANSWERS, workspaceWithRep } from "../session-fixtures.js";

describe("skipping a required question in a live 1:1", () => {
  it("'-' skips a text question and 'skip it' a rating; the record says skipped and keeps no rating", async () => {
    const workspace = await workspaceWithRep();
    const prompter = new ScriptedPrompter({
      focus_choice: "keep",
      ...PROSPECTING_SESSION_ANSWERS,
      options: "Lead with their quarter; Mention a peer",
      goal: "-",
      rate_opening: "-",
      add_action_1: false,
    });
    const result = await coach(["session", "alex-kim"], { workspace, prompter, columns: 120 });
    expect(result.code, result.stderr).toBe(0);
    const record = writtenRecord(result);
    expect(record).toMatch(/- id: goal\n {4}prompt: .*\n {4}answer: null\n/);
    expect(record).toMatch(/\*\*A month from now[^*]*\*\*\n\n_\(skipped\)_/);
    expect(record).toContain("ratings:\n  pre-call-planning: 4\n");
    expect(result.stdout).toContain("Ratings\n- pre-call-planning 4/5");
  });

  it("a follow-up cannot be skipped", async () => {
    const workspace = await workspaceWithRep();
    const [action] = await holdSession(workspace, { actions: [{ text: "Call Acme" }] }, ["--date", "2026-11-15"]);
    const prompter = new ScriptedPrompter({
      focus_choice: "keep",
      ...PROSPECTING_SESSION_ANSWERS,
      options: "Lead with their quarter",
      [action!]: "-",
    });
    const result = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`answer '${action}'`);
  });
});
