import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type InputPrompt, PromptCancelled, type SelectPrompt } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, PLAN_ANSWERS_IN_A_TERMINAL, tempDir, writeFile } from "../helpers.js";

/** Records the choice prompts it was shown, and stops at the new rep's name (after noting its default). */
class WatchingPrompter extends ScriptedPrompter {
  readonly selects: SelectPrompt[] = [];
  nameOffered: string | undefined;
  override select(prompt: SelectPrompt): Promise<string> {
    this.selects.push(prompt);
    return super.select(prompt);
  }
  override input(prompt: InputPrompt): Promise<string> {
    if (prompt.id === "rep_name") {
      this.nameOffered = prompt.default;
      throw new PromptCancelled();
    }
    return super.input(prompt);
  }
}

async function workspaceWith(...names: string[]): Promise<string> {
  const workspace = tempDir();
  await coach(["init", workspace]);
  for (const name of names)
    await coach(["rep", "add", name, "--focus", "prospecting", "--goal", "Win Acme"], { workspace });
  return workspace;
}

const repIds = (workspace: string) => readdirSync(join(workspace, "reps")).sort();

describe("a rep typed with a typo at a terminal", () => {
  it("offers the close match first, as the default, and plans for it without adding anybody", async () => {
    const workspace = await workspaceWith("Sam Lee", "Alex Kim");
    const prompter = new WatchingPrompter(PLAN_ANSWERS_IN_A_TERMINAL);
    const result = await coach(["plan", "sam"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    const [match] = prompter.selects;
    expect(match!.message).toBe("No rep 'sam'. Did you mean:");
    expect(match!.choices.map((c) => c.name)).toEqual([
      "Sam Lee (sam-lee)",
      "Someone new: add 'sam' as a rep",
      "Cancel",
    ]);
    expect(match!.default).toBe("sam-lee");
    expect(result.stderr).not.toContain("Added");
    expect(repIds(workspace)).toEqual(["alex-kim", "sam-lee"]);
    expect(readdirSync(join(workspace, "reps", "sam-lee", "records")).some((f) => f.includes("-plan-"))).toBe(true);
  });

  it("offers a typed id as a name only when the manager chooses to add a new rep", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const prompter = new WatchingPrompter({ rep_match: "\u0000new" });
    const result = await coach(["plan", "alx-kim"], { workspace, prompter });
    expect(result.code).toBe(130);
    expect(prompter.nameOffered).toBe("Alx Kim");
    expect(repIds(workspace)).toEqual(["alex-kim"]);
  });

  it("cancels with the did-you-mean and exit 2, writing nothing", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const prompter = new WatchingPrompter({ rep_match: "\u0000cancel" });
    const result = await coach(["plan", "alx-kim"], { workspace, prompter });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no rep 'alx-kim'; did you mean 'alex-kim'?");
    expect(repIds(workspace)).toEqual(["alex-kim"]);
  });
});

describe("two reps with one name", () => {
  it("the name is ambiguous: both ids are listed, and nothing is guessed", async () => {
    const workspace = await workspaceWith("Sam Park");
    writeFile(join(workspace, "reps", "sam-park-2", "rep.yaml"), "id: sam-park-2\nname: Sam Park\n");
    const shown = await coach(["rep", "show", "Sam Park"], { workspace });
    expect(shown.code).toBe(2);
    expect(shown.stderr).toContain("ambiguous: 'Sam Park' is sam-park and sam-park-2");
    expect(shown.stderr).toContain("give the id");
    const byId = await coach(["--json", "rep", "show", "sam-park-2"], { workspace });
    expect(JSON.parse(byId.stdout)).toMatchObject({ id: "sam-park-2" });
  });
});
