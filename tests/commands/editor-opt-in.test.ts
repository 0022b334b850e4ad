import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRecord } from "../../src/store/record-file.js";
import type { InputPrompt } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, recordFiles } from "../helpers.js";
import { PROSPECTING_SESSION_ANSWERS, workspaceWithRep } from "../session-fixtures.js";

const TYPED = { ...PROSPECTING_SESSION_ANSWERS, options: "Lead with their quarter", add_action_1: false };

/** A person at a terminal whose editor must never open unless asked for: it records what it showed. */
class WatchedPrompter extends ScriptedPrompter {
  readonly editorsOpened: string[] = [];
  readonly inputsShown: InputPrompt[] = [];
  override input(prompt: InputPrompt): Promise<string> {
    this.inputsShown.push(prompt);
    return super.input(prompt);
  }
  override editor(prompt: InputPrompt): Promise<string> {
    this.editorsOpened.push(prompt.id);
    return super.input(prompt);
  }
}

function recentOpenings(workspace: string): unknown {
  const [path] = recordFiles(workspace, "alex-kim").filter((f) => f.includes("-session-"));
  const parsed = parseRecord(readFileSync(path!, "utf8"), path!);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value.record.answers?.find((a) => a.id === "recent_openings")?.answer;
}

describe("a long-answer question in a live 1:1", () => {
  it("is answered inline by default, with the question shown and how to open the editor", async () => {
    const workspace = await workspaceWithRep();
    const prompter = new WatchedPrompter({ focus_choice: "keep", ...TYPED, took_over: false });
    const result = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.editorsOpened).toEqual([]);
    const shown = prompter.inputsShown.find((p) => p.id === "recent_openings")!;
    expect(shown.message).toContain("What did you say in the first thirty seconds");
    expect(shown.help).toContain("'e' and Enter to write it in $EDITOR");
    expect(recentOpenings(workspace)).toBe(PROSPECTING_SESSION_ANSWERS.recent_openings);
  });

  it("opens the editor only on 'e', and its text comes back as the answer", async () => {
    const workspace = await workspaceWithRep();
    const prompter = new WatchedPrompter({
      focus_choice: "keep",
      ...TYPED,
      took_over: false,
      recent_openings: "e",
      "recent_openings-editor": "Opened with our product.\nThe other opened with their quarter.\n",
    });
    const result = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.editorsOpened).toEqual(["recent_openings-editor"]);
    expect(recentOpenings(workspace)).toBe("Opened with our product.\nThe other opened with their quarter.");
  });
});
