import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Prompter } from "../../src/ui/prompter.js";
import { PromptCancelled } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, read, recordFiles, tempDir, writeFile } from "../helpers.js";

interface Missing {
  id: string;
  type: string;
  key?: string;
  choices?: string[];
  min?: number;
}

/** An answer of the right type for each missing top-level question, as a script would write from `missing`. */
function answersFor(missing: Missing[]): Record<string, unknown> {
  const byType = (m: Missing): unknown =>
    m.type === "scale" ? (m.min ?? 1) + 2 : m.type === "confirm" ? true : m.choices ? m.choices[0] : "said so";
  return Object.fromEntries(missing.filter((m) => !m.key).map((m) => [m.id, byType(m)]));
}

async function dealWorkspace(): Promise<{ workspace: string; answers: string }> {
  const workspace = tempDir();
  await coach(["init", workspace]);
  await coach(["rep", "add", "Alex Kim"], { workspace });
  await coach(["deal", "add", "alex-kim", "Acme", "--stage", "qualification"], { workspace });
  await coach(["deal", "gate", "acme", "meeting-accepted", "--evidence", "booked the call"], { workspace });
  return { workspace, answers: join(workspace, "answers.yaml") };
}

describe("coach session --deal", () => {
  it("lists each gate without evidence, up to the deal's stage, as missing with key gates", async () => {
    const { workspace, answers } = await dealWorkspace();
    writeFile(answers, stringify({}));
    const result = await coach(["--json", "session", "alex-kim", "--deal", "acme", "--answers", answers], {
      workspace,
    });
    expect(result.code).toBe(2);
    const missing: Missing[] = JSON.parse(result.stderr).error.missing;
    const gates = missing.filter((m) => m.key === "gates");
    expect(gates.map((m) => m.id)).toEqual([
      "needs-stated",
      "need-admitted",
      "open-to-solutions",
      "agreed-to-discuss",
      "can-decide",
    ]);
    expect(gates[4]).toMatchObject({
      type: "text",
      prompt: "What did the buyer say or do that shows the buyer can make the decision, or has brought in who can?",
    });
  });

  it("records the evidence given into the deal, leaves a gate with an empty answer open, and names the deal", async () => {
    const { workspace, answers } = await dealWorkspace();
    const gates = {
      "needs-stated": "They said renewals slip every quarter",
      "need-admitted": "",
      "open-to-solutions": "",
      "agreed-to-discuss": "",
      "can-decide": "The CFO said she signs off on it",
    };
    writeFile(answers, stringify({ gates }));
    const first = await coach(["--json", "session", "alex-kim", "--deal", "acme", "--answers", answers], {
      workspace,
    });
    const missing: Missing[] = JSON.parse(first.stderr).error.missing;
    expect(missing.filter((m) => m.key === "gates")).toEqual([]);
    writeFile(answers, stringify({ gates, ...answersFor(missing) }));
    const held = await coach(["--json", "session", "alex-kim", "--deal", "acme", "--answers", answers], {
      workspace,
    });
    expect(held.code, held.stderr).toBe(0);
    expect(JSON.parse(held.stdout).written).toContain(join(workspace, "reps", "alex-kim", "deals", "acme.md"));

    const deal = JSON.parse((await coach(["--json", "deal", "show", "acme"], { workspace })).stdout);
    expect(deal.gates["can-decide"]).toEqual({
      met: true,
      evidence: "The CFO said she signs off on it",
      date: "2026-11-22",
    });
    expect(deal.gates["needs-stated"].evidence).toBe("They said renewals slip every quarter");
    expect(deal.gates["need-admitted"]).toBeUndefined();
    expect(deal.gates["meeting-accepted"].evidence).toBe("booked the call");

    const session = read(recordFiles(workspace, "alex-kim").find((f) => f.includes("-session-"))!);
    expect(session).toMatch(/\ndeal: acme\n/);
    expect(session).toMatch(/\nstage: qualification\n/);
    expect(session).toContain("## Deal: Acme (`acme`)\n\n- needs-stated: They said renewals slip every quarter");
  });

  it("refuses another rep's deal and a closed deal, in one line and exit 2", async () => {
    const { workspace } = await dealWorkspace();
    await coach(["rep", "add", "Sam Lee"], { workspace });
    const other = await coach(["session", "sam-lee", "--deal", "acme"], { workspace });
    expect(other).toMatchObject({ code: 2 });
    expect(other.stderr).toMatch(/^error: --deal: 'acme' is alex-kim's deal, not sam-lee's/);
    await coach(["deal", "close", "acme", "lost"], { workspace });
    const closed = await coach(["session", "alex-kim", "--deal", "acme"], { workspace });
    expect(closed.code).toBe(2);
    expect(closed.stderr).toMatch(/^error: deal 'acme' is lost \(closed on 2026-11-22\); cannot coach it/);
    const unknown = await coach(["session", "alex-kim", "--deal", "acm"], { workspace });
    expect(unknown.stderr).toMatch(/^error: no deal 'acm'; did you mean 'acme'\?/);
  });
});

describe("an interrupted deal session", () => {
  it("keeps the deal and the evidence given in the draft, and --resume asks only the rest", async () => {
    const { workspace, answers } = await dealWorkspace();
    const scripted = new ScriptedPrompter({ focus_choice: "keep", "needs-stated": "They said renewals slip" });
    let asked = 0;
    const prompter: Prompter = {
      ...Object.fromEntries(
        (["input", "editor", "select", "checkbox", "confirm", "number"] as const).map((name) => [
          name,
          // biome-ignore lint/suspicious/noExplicitAny: forwards any prompt to the scripted person
          async (prompt: any) => {
            if (scripted.asked.includes("needs-stated") || asked++ > 5) throw new PromptCancelled();
            // biome-ignore lint/suspicious/noExplicitAny: see above
            return (scripted as any)[name](prompt);
          },
        ]),
      ),
    } as unknown as Prompter;
    const cut = await coach(["session", "alex-kim", "--deal", "acme"], { workspace, prompter });
    expect(cut.code, cut.stderr).toBe(130);
    const draft = read(recordFiles(workspace, "alex-kim").find((f) => f.includes("-session-"))!);
    expect(draft).toMatch(/\ndeal: acme\n/);
    expect(draft).toContain("needs-stated: They said renewals slip");

    writeFile(answers, stringify({}));
    const resumed = await coach(["--json", "session", "alex-kim", "--resume", "--answers", answers], { workspace });
    expect(resumed.code).toBe(2);
    const missing: Missing[] = JSON.parse(resumed.stderr).error.missing;
    expect(missing.filter((m) => m.key === "gates").map((m) => m.id)).toEqual([
      "need-admitted",
      "open-to-solutions",
      "agreed-to-discuss",
      "can-decide",
    ]);
  });
});
