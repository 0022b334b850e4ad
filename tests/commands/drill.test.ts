import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseRecord } from "../../src/store/record-file.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, PROSPECTING_PLAN_ANSWERS, read, recordFiles, tempDir, writeFile, writtenRecord } from "../helpers.js";
import { CtrlCPrompter } from "../session-fixtures.js";

async function workspaceWith(...names: string[]): Promise<string> {
  const workspace = tempDir();
  for (const name of names) expect((await coach(["rep", "add", name], { workspace })).code).toBe(0);
  return workspace;
}

function recordsOf(workspace: string, rep: string) {
  return recordFiles(workspace, rep).map((file) => {
    const parsed = parseRecord(read(file), file);
    if (!parsed.ok) throw new Error(parsed.problem);
    return { file, ...parsed.value };
  });
}

describe("coach drill, round by round", () => {
  it("practice: scenario and prompt, a timer, the response, the rubric, a score and notes per round", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const prompter = new ScriptedPrompter({
      "round-1-response": "Offered 10% off at once",
      "round-1-met": ["1"],
      "round-1-notes": "Ask first, then answer",
      "round-2-response": "e",
      "round-2-response-editor": "Asked what support means to her.\nOffered a reference: Clinic Co.\n",
      "round-2-met": ["0", "1"],
      "round-3-met": ["0", "2"],
    });
    const result = await coach(["drill", "alex-kim", "--template", "drill-objection-handling"], {
      workspace,
      prompter,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).toEqual([
      ...["round-1-timer", "round-1-response", "round-1-met", "round-1-notes"],
      ...["round-2-timer", "round-2-response", "round-2-response-editor", "round-2-met", "round-2-notes"],
      ...["round-3-timer", "round-3-response", "round-3-met", "round-3-notes"],
    ]);
    expect(result.stderr).toContain("Practice: Handling objections (drill-objection-handling)");
    expect(result.stderr).toContain(
      'Scenario: The procurement manager at a car parts supplier says, "Your price is eighteen percent',
    );
    expect(result.stderr).toContain("  1. Acknowledges the concern before answering (must)");
    // a must-have item missed caps the score at 2, and the scorer is told why
    expect(result.stderr).toContain("Score: 2 of 5 (1 of 4 items; a must-have item missed, so at most 2)");
    // the rubric comes after the response is captured, before the score
    expect(result.stderr.indexOf("Round 1 of 3")).toBeLessThan(result.stderr.indexOf("Acknowledges the concern"));
    expect(result.stdout).toContain(
      "alex-kim  scores 2 4 4  average 3.3; objection-handling next due 2026-11-29 (in 7 days)",
    );

    const [saved] = recordsOf(workspace, "alex-kim");
    expect(saved!.file).toMatch(/2026-11-22-drill-objection-handling-[a-z0-9]{4}\.md$/);
    expect(saved!.record).toMatchObject({
      type: "drill",
      status: "completed",
      template: "drill-objection-handling",
      stage: "negotiation",
      skill: "objection-handling",
      mode: "practice",
      coaching_kind: "training",
      focus: "skillset",
    });
    expect(saved!.record.rounds).toEqual([
      {
        prompt: "Respond to the objection.",
        response: "Offered 10% off at once",
        score: 2,
        met: [1],
        notes: "Ask first, then answer",
        skill: "objection-handling",
      },
      {
        prompt: "Respond to the objection.",
        response: "Asked what support means to her.\nOffered a reference: Clinic Co.",
        score: 4,
        met: [0, 1],
        notes: "",
        skill: "objection-handling",
      },
      {
        prompt: "Find out whether this is really about timing, and respond.",
        response: "",
        score: 4,
        met: [0, 2],
        notes: "",
        skill: "objection-handling",
      },
    ]);
    expect(saved!.body).toContain("> Asked what support means to her.\n> Offered a reference: Clinic Co.");
    expect(saved!.body).toContain("**Score:** 2 of 5 (1 of 4 items; a must-have item missed, so at most 2)");
    expect(saved!.body).toContain(
      "- not met: Acknowledges the concern before answering (must)\n- met: Asks what the bids",
    );
  });

  it("clinic: every rep takes a turn, is scored on their own, and gets their own record", async () => {
    const workspace = await workspaceWith("Alex Kim", "Sam Lee");
    const answers: Record<string, unknown> = {};
    for (const [n, items] of [4, 3, 3].entries()) {
      answers[`round-${n + 1}-met-alex-kim`] = ["0"];
      answers[`round-${n + 1}-met-sam-lee`] = Array.from({ length: items }, (_, i) => String(i));
    }
    answers["round-1-response-sam-lee"] = "Asked what the other bid includes";
    const prompter = new ScriptedPrompter(answers);
    const result = await coach(["drill", "alex-kim", "sam-lee", "--template", "drill-objection-handling"], {
      workspace,
      prompter,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked.slice(0, 8)).toEqual([
      "round-1-timer-alex-kim",
      "round-1-response-alex-kim",
      "round-1-timer-sam-lee",
      "round-1-response-sam-lee",
      "round-1-met-alex-kim",
      "round-1-notes-alex-kim",
      "round-1-met-sam-lee",
      "round-1-notes-sam-lee",
    ]);
    expect(result.stderr).toContain("Sam Lee's turn");
    const [alex] = recordsOf(workspace, "alex-kim");
    const [sam] = recordsOf(workspace, "sam-lee");
    expect(alex!.record.rounds!.map((r) => r.score)).toEqual([2, 2, 2]);
    expect(sam!.record.rounds!.map((r) => r.score)).toEqual([5, 5, 5]);
    expect(result.stderr).toContain("Score for Sam Lee: 5 of 5 (4 of 4 items)");
    expect(sam!.record.rounds![0]!.response).toBe("Asked what the other bid includes");
    expect(alex!.record).toMatchObject({ mode: "clinic", participants: ["alex-kim", "sam-lee"] });
    expect(alex!.body).toContain("**Mode:** clinic with Sam Lee");
    expect(result.stdout).toMatch(/alex-kim {2}scores 2 2 2 .*next due 2026-11-25/);
    expect(result.stdout).toMatch(/sam-lee {3}scores 5 5 5 .*next due 2026-12-20/);
  });

  it("Ctrl-C mid-drill saves the rounds done as a draft, exits 130, and the draft does not count", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const prompter = new CtrlCPrompter(
      { "round-1-met": [], "round-2-response": "Told her our support is 24/7" },
      "round-2-met",
    );
    const result = await coach(["drill", "alex-kim", "--template", "drill-objection-handling"], {
      workspace,
      prompter,
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(
      /interrupted: the rounds done so far are saved as draft record .*2026-11-22-drill-objection-handling-[a-z0-9]{4}\.md/,
    );
    const [draft] = recordsOf(workspace, "alex-kim");
    expect(draft!.record.status).toBe("draft");
    expect(draft!.record.rounds!.map((r) => r.score)).toEqual([1]);
    expect(draft!.record.pending_round).toEqual({
      round: 2,
      prompt: "Respond to the objection.",
      response: "Told her our support is 24/7",
    });
    expect(draft!.body).toContain("(draft)");

    const week = await coach(["--json", "drill", "--week", "alex-kim", "--skill", "objection-handling"], { workspace });
    expect(JSON.parse(week.stdout).items).toEqual([
      {
        rep: "alex-kim",
        skill: "objection-handling",
        template: "drill-objection-handling",
        due: "2026-11-22",
        last_score: null,
      },
    ]);
  });

  it("--resume continues the draft in its own file: rounds scored are not played again, the typed response comes back", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const cancelled = new CtrlCPrompter(
      { "round-1-met": [], "round-2-response": "Told her our support is 24/7" },
      "round-2-met",
    );
    await coach(["drill", "alex-kim", "--template", "drill-objection-handling"], { workspace, prompter: cancelled });
    const [draft] = recordsOf(workspace, "alex-kim");
    const listed = await coach(["drafts", "alex-kim"], { workspace, columns: 120 });
    expect(listed.stdout).toContain("drill    2026-11-22  coach drill alex-kim --resume");

    // Enter on round 2's response takes the text typed before Ctrl-C.
    const prompter = new ScriptedPrompter({ "round-2-met": ["0", "1"], "round-3-met": ["0", "1", "2"] });
    const resumed = await coach(["drill", "alex-kim", "--resume"], { workspace, prompter });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(prompter.asked.filter((id) => id.startsWith("round-1"))).toEqual([]);
    expect(prompter.asked).toContain("round-2-response");
    const [completed, ...others] = recordsOf(workspace, "alex-kim");
    expect(others).toEqual([]);
    expect(completed!.file).toBe(draft!.file);
    expect(completed!.record).toMatchObject({
      id: draft!.record.id,
      status: "completed",
      template: "drill-objection-handling",
    });
    expect(completed!.record.rounds!.map((r) => r.score)).toEqual([1, 4, 5]);
    expect(completed!.record.rounds![1]!.response).toBe("Told her our support is 24/7");
    expect(completed!.record.pending_round).toBeUndefined();
  });

  it("--resume without a draft, or with flags of a new drill, is refused", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const none = await coach(["drill", "alex-kim", "--resume"], { workspace });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no draft drill for alex-kim to resume; start one with `coach drill alex-kim`");
    const mixed = await coach(["drill", "alex-kim", "--resume", "--template", "drill-self-talk"], { workspace });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain("--resume continues the draft's own drill");
  });

  it("Ctrl-C while typing a response keeps the half-typed text", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const prompter = new CtrlCPrompter({}, "round-1-response", "Started with a que");
    const result = await coach(["drill", "alex-kim", "--template", "drill-self-talk"], { workspace, prompter });
    expect(result.code).toBe(130);
    expect(recordsOf(workspace, "alex-kim")[0]!.record.pending_round).toEqual({
      round: 1,
      prompt: "Say out loud a more accurate thing you could tell yourself.",
      response: "Started with a que",
    });
  });

  it("without --template, drills the rep's most overdue skill and says why", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const weak = writeFile(
      join(workspace, "weak.yaml"),
      stringify({ rounds: [{ score: 2 }, { score: 1 }, { score: 2 }] }),
    );
    const first = await coach(
      ["drill", "alex-kim", "--template", "drill-value-statements", "--answers", weak, "--date", "2026-11-15"],
      { workspace },
    );
    expect(first.code, first.stderr).toBe(0);
    const prompter = new ScriptedPrompter({ "round-1-met": ["0"], "round-2-met": ["0"], "round-3-met": ["0"] });
    const result = await coach(["drill", "alex-kim"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "Why this drill: value-statements is the most overdue skill (last scored 2 on 2026-11-15, was due 2026-11-18).",
    );
  });

  it("pre-call: a warm-up for the call's stage", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const prompter = new ScriptedPrompter({ "round-1-met": ["0"], "round-2-met": ["0"], "round-3-met": ["0"] });
    const result = await coach(["drill", "alex-kim", "--pre-call", "--stage", "closing"], {
      workspace,
      prompter,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("Pre-call warm-up: Asking for the commitment");
    const [saved] = recordsOf(workspace, "alex-kim");
    expect(saved!.record).toMatchObject({
      mode: "pre-call",
      stage: "closing",
      skill: "asking-for-commitment",
    });
  });
});

describe("coach drill: bad input is exit 2 with a hint", () => {
  it.each([
    [["drill", "alx-kim", "sam-lee"], "no rep 'alx-kim'; did you mean 'alex-kim'?"],
    [
      ["drill", "alex-kim", "--template", "drill-objection"],
      "no template 'drill-objection'; did you mean 'drill-objection-handling'?",
    ],
    [
      ["drill", "alex-kim", "--template", "session-discovery"],
      "template 'session-discovery' is a session template, not a drill one",
    ],
    [["drill", "alex-kim", "--stage", "negotation"], "no stage 'negotation'; did you mean 'negotiation'?"],
    [["drill", "alex-kim", "--skill", "objection"], "no skill 'objection'; did you mean 'objection-handling'?"],
    [["drill", "alex-kim", "sam-lee", "--pre-call"], "--pre-call is a warm-up for one rep's upcoming call"],
    [["drill", "alex-kim", "--deal", "Acme"], "--deal names the deal of an upcoming call; add --pre-call or --huddle"],
    [["drill", "--week", "--template", "drill-purpose"], "--week only prints the week's routine"],
    [
      ["drill", "alex-kim", "--template", "drill-purpose", "--skill", "self-talk"],
      "drill 'drill-purpose' does not train 'self-talk'",
    ],
    [
      ["drill", "alex-kim", "--template", "drill-tailoring", "--stage", "closing"],
      "drill 'drill-tailoring' is for solution, not 'closing'",
    ],
  ])("%j", async (argv, message) => {
    const workspace = await workspaceWith("Alex Kim", "Sam Lee");
    const result = await coach(argv, { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });
});

describe("coach plan shows drills due", () => {
  it("lists the rep's weak skill whose interval ran out, with the command to drill it", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const weak = writeFile(
      join(workspace, "weak.yaml"),
      stringify({ rounds: [{ score: 1 }, { score: 2 }, { score: 1 }] }),
    );
    expect(
      (
        await coach(
          ["drill", "alex-kim", "--template", "drill-objection-handling", "--answers", weak, "--date", "2026-11-18"],
          { workspace },
        )
      ).code,
    ).toBe(0);
    const prep = writeFile(join(workspace, "prep.yaml"), stringify(PROSPECTING_PLAN_ANSWERS));
    const plan = await coach(["plan", "alex-kim", "--answers", prep], { workspace });
    expect(plan.code, plan.stderr).toBe(0);
    expect(writtenRecord(plan)).toContain("## Drills due");
    expect(writtenRecord(plan)).toContain(
      "- objection-handling: last scored 1 on 2026-11-18, was due 2026-11-20 (`coach drill alex-kim --template drill-objection-handling`)",
    );
  });
});
