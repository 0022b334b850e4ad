import { describe, expect, it } from "vitest";
import type { InputPrompt } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, PLAN_ANSWERS_IN_A_TERMINAL, writtenRecord } from "../helpers.js";
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

  it("says how to skip after the question's own help, as a sentence of its own", async () => {
    const helps = new Map<string, string | undefined>();
    const prompter = new (class extends ScriptedPrompter {
      override async input(prompt: InputPrompt): Promise<string> {
        helps.set(prompt.id, prompt.help);
        return super.input(prompt);
      }
    })({ manager_name: "", ...PLAN_ANSWERS_IN_A_TERMINAL });
    const result = await coach(["plan", "alex-kim"], { workspace: await workspaceWithRep(), prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(helps.get("self_expectation")).toBe(
      "A rep rarely outgrows the expectations their manager quietly holds of them. '-' skips it.",
    );
    expect([...helps.values()].join("\n")).not.toContain(".;");
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
