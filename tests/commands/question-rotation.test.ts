import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRecord } from "../../src/store/record-file.js";
import type { SelectPrompt } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, PROSPECTING_PLAN_ANSWERS, recordFiles, tempDir, writeFile } from "../helpers.js";
import { answersFile, PROSPECTING_SESSION_ANSWERS, workspaceWithRep } from "../session-fixtures.js";

const askedIn = (path: string) => {
  const parsed = parseRecord(readFileSync(path, "utf8"), path);
  if (!parsed.ok) throw new Error(parsed.problem);
  return (parsed.value.record.answers ?? []).map((a) => a.id);
};
const sessions = (workspace: string) => recordFiles(workspace, "alex-kim").filter((f) => f.includes("-session-"));

async function holdOn(workspace: string, date: string): Promise<string[]> {
  const file = answersFile(tempDir(), { ...PROSPECTING_SESSION_ANSWERS, focus_choice: "keep" });
  const result = await coach(["session", "alex-kim", "--date", date, "--answers", file], { workspace });
  expect(result.code, result.stderr).toBe(0);
  return askedIn(sessions(workspace).find((f) => f.includes(date))!);
}

describe("consecutive 1:1s on one stage", () => {
  it("ask other questions from the bank each time; the ratings and the required ones always", async () => {
    const workspace = await workspaceWithRep();
    const first = await holdOn(workspace, "2026-11-08");
    const second = await holdOn(workspace, "2026-11-15");
    expect(first).toEqual([
      "goal",
      "recent_openings",
      "buyer_reaction",
      "rate_opening",
      "rate_planning",
      "self_talk",
      "options",
      "try_aloud",
      "five_minutes",
      "will",
      "evidence",
    ]);
    expect(second).toEqual([
      "goal",
      "preparation",
      "squeezed",
      "rate_opening",
      "rate_planning",
      "self_talk",
      "options",
      "borrow",
      "different_channel",
      "will",
      "obstacle",
    ]);
    // The third comes round to the start of each bank again.
    expect((await holdOn(workspace, "2026-11-22")).slice(1, 3)).toEqual(["recent_openings", "buyer_reaction"]);
  });

  it("the plan lists the questions the next 1:1 will ask, with what each rating looks like", async () => {
    const workspace = await workspaceWithRep();
    await holdOn(workspace, "2026-11-15");
    const plan = await coach(["plan", "alex-kim", "--answers", "-"], {
      workspace,
      stdin: JSON.stringify(PROSPECTING_PLAN_ANSWERS),
    });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("What tends to push your preparation aside on a busy day?");
    expect(plan.stdout).not.toContain("What did the buyer say or do that told you how your opening had landed?");
    const record = readFileSync(recordFiles(workspace, "alex-kim").find((f) => f.includes("-plan-"))!, "utf8");
    expect(record).toContain("- What tends to push your preparation aside on a busy day?");
    expect(record).toContain(
      "(rate opening-statement, 1-5: 1 = a pitch about us that the buyer cuts short; 3 = clear and polite, " +
        "but it could be said to anyone; 5 = the buyer hears their own situation in the first sentence",
    );
  });
});

/** Keeps the choices a rating offered. */
class RatingPrompter extends ScriptedPrompter {
  readonly selects: SelectPrompt[] = [];
  override select(prompt: SelectPrompt) {
    this.selects.push(prompt);
    return super.select(prompt);
  }
}

describe("rating a skill at a terminal", () => {
  it("shows what a 1, a 3 and a 5 look like as the choices", async () => {
    const workspace = await workspaceWithRep();
    const prompter = new RatingPrompter({
      ...PROSPECTING_SESSION_ANSWERS,
      focus_choice: "keep",
      rate_opening: "2",
      rate_planning: "4",
      options: "Lead with their quarter",
      add_action_1: false,
      took_over: false,
    });
    const result = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    const rating = prompter.selects.find((p) => p.id === "rate_planning")!;
    expect(rating.choices.map((c) => c.name)).toEqual([
      "1 - calls are made cold, with nothing written down",
      "2",
      "3 - the company is looked up, the person and their reason to care are guessed",
      "4",
      "5 - a short note names who they are, why they might care and what we want from the call",
      // a live 1:1 may skip a rating; the record says skipped
      "skip it (recorded as skipped)",
    ]);
  });
});

describe("a workspace template with a wrong ask", () => {
  it("is refused at its line with the fix, exit 2", async () => {
    const workspace = await workspaceWithRep();
    const template = readFileSync(new URL("../../templates/session/session-prospecting.yaml", import.meta.url), "utf8");
    writeFile(`${workspace}/templates/session/session-prospecting.yaml`, template.replace("reality: 5", "reality: 12"));
    const result = await coach(["session", "alex-kim"], { workspace, prompter: new ScriptedPrompter({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: ${workspace}/templates/session/session-prospecting\\.yaml:14:12: ask\\.reality: asks 12 reality ` +
          "questions but the step has 7 \\(without a 'when'\\); lower it to 7 or add questions with grow: reality",
        "m",
      ),
    );
  });
});
