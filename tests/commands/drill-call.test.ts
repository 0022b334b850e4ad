import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseRecord } from "../../src/store/record-file.js";
import { runCountdown } from "../../src/ui/countdown.js";
import { type CountdownPrompt, type InputPrompt, PromptCancelled } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { visibleWidth } from "../../src/ui/wrap.js";
import { coach, read, recordFiles, tempDir, writeFile } from "../helpers.js";
import { CtrlCPrompter } from "../session-fixtures.js";

/** Alex and Sam, and Alex's deal at solution with the buyer's style noted and one gate confirmed. */
async function workspaceWithDeal(): Promise<string> {
  const workspace = tempDir();
  for (const argv of [
    ["rep", "add", "Alex Kim"],
    ["rep", "add", "Sam Lee"],
    ["deal", "add", "alex-kim", "Acme renewal", "--stage", "qualification", "--buyer-style", "Analytical"],
    ["deal", "gate", "acme-renewal", "meeting-accepted", "--evidence", "She booked the call herself"],
    ["deal", "gate", "acme-renewal", "needs-stated", "--evidence", "Renewals slip every quarter, said the COO"],
    ["deal", "gate", "acme-renewal", "need-admitted", "--evidence", "The COO called it their biggest leak"],
  ]) {
    const result = await coach(argv, { workspace });
    expect(result.code, result.stderr).toBe(0);
  }
  return workspace;
}

function recordsOf(workspace: string, rep: string) {
  return recordFiles(workspace, rep).map((file) => {
    const parsed = parseRecord(read(file), file);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.value;
  });
}

describe("coach drill --pre-call --deal", () => {
  it("rehearses the deal's stage, its first gate without evidence and the buyer's style", async () => {
    const workspace = await workspaceWithDeal();
    const met = { "round-1-met": ["0", "1"], "round-2-met": ["0"], "round-3-met": [], "round-4-met": [] };
    const prompter = new ScriptedPrompter({ ...met, "round-5-met": [] });
    const result = await coach(["drill", "alex-kim", "--pre-call", "--deal", "acme-renewal"], {
      workspace,
      prompter,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("For Alex Kim, before the call on Acme renewal");
    expect(result.stderr).toContain(
      "Acme renewal is at qualification; rehearsing 'open-to-solutions', its first gate without evidence; the buyer is analytical.",
    );
    expect(result.stderr).toContain(
      "The gate 'open-to-solutions' (The buyer is open to changing how it is done today)",
    );
    expect(result.stderr).toContain("The buyer on Acme renewal is an analytical: wants facts, sources");
    const [drill] = recordsOf(workspace, "alex-kim");
    expect(drill!.record).toMatchObject({
      mode: "pre-call",
      stage: "qualification",
      skill: "four-agreements",
      deal: "acme-renewal",
      gate: "open-to-solutions",
    });
    // the two rehearsal rounds come first, then the stage's drill, all within five minutes
    expect(drill!.record.rounds!.map((r) => r.score)).toEqual([4, 2, 1, 1, 1]);
    expect(result.stderr).toContain("5 round(s), 4:45 of timed answers");
    expect(drill!.body).toContain(
      "**Deal:** Acme renewal (acme-renewal, at qualification; rehearses 'open-to-solutions'; buyer's style: analytical)",
    );
  });

  it("wraps the intro, each round and its rubric at word boundaries to the terminal's width", async () => {
    const workspace = await workspaceWithDeal();
    const met = { "round-1-met": [], "round-2-met": [], "round-3-met": [], "round-4-met": [], "round-5-met": [] };
    const result = await coach(["drill", "alex-kim", "--pre-call", "--deal", "acme-renewal"], {
      workspace,
      prompter: new ScriptedPrompter(met),
      columns: 60,
    });
    expect(result.code, result.stderr).toBe(0);
    const screens = result.stderr.slice(0, result.stderr.indexOf("Saved the drill record"));
    expect(screens.split("\n").filter((line) => visibleWidth(line) > 60)).toEqual([]);
    // Joined up again, every sentence is whole: no word was cut.
    const unwrapped = screens.replace(/\s+/g, " ");
    expect(unwrapped).toContain(
      "Scenario: The call on Acme renewal (qualification). The gate 'open-to-solutions' (The buyer is open to changing how it is done today) has no evidence from the buyer yet.",
    );
    expect(unwrapped).toContain(
      " 1. Asks an open question the buyer can only answer with their own words or an action (must) 2. ",
    );
    expect(unwrapped).toContain(
      "Acme renewal is at qualification; rehearsing 'open-to-solutions', its first gate without evidence; the buyer is analytical.",
    );
  });

  it("refuses another rep's deal, a closed one, and a --stage the deal is not at", async () => {
    const workspace = await workspaceWithDeal();
    const theirs = await coach(["drill", "sam-lee", "--pre-call", "--deal", "acme-renewal"], { workspace });
    expect(theirs.code).toBe(2);
    expect(theirs.stderr).toBe(
      "error: --deal: 'acme-renewal' is alex-kim's deal, not sam-lee's; warm up alex-kim for it: " +
        "`coach drill alex-kim --pre-call --deal acme-renewal`\n",
    );
    // A huddle's hint is a huddle, not a warm-up.
    const huddle = await coach(["drill", "sam-lee", "--huddle", "--deal", "acme-renewal"], { workspace });
    expect(huddle.code).toBe(2);
    expect(huddle.stderr).toContain("`coach drill alex-kim --huddle --deal acme-renewal`");
    const stage = await coach(["drill", "alex-kim", "--pre-call", "--deal", "acme-renewal", "--stage", "closing"], {
      workspace,
    });
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain("--stage closing: deal 'acme-renewal' is at qualification");
    const typo = await coach(["drill", "alex-kim", "--pre-call", "--deal", "acme-renewl"], { workspace });
    expect(typo.stderr).toContain("no deal 'acme-renewl'; did you mean 'acme-renewal'?");
    expect((await coach(["deal", "close", "acme-renewal", "lost"], { workspace })).code).toBe(0);
    const closed = await coach(["drill", "alex-kim", "--huddle", "--deal", "acme-renewal"], { workspace });
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain("deal 'acme-renewal' is lost");
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });
});

/** A terminal whose clock is driven by the test: the rep talks the given seconds at each timer, then Enter. */
class TimedTerminal extends ScriptedPrompter {
  readonly timeboxes: number[] = [];
  readonly lines: string[] = [];
  constructor(
    answers: Record<string, unknown>,
    private readonly talk: number[],
  ) {
    super(answers);
  }
  override countdown(prompt: CountdownPrompt) {
    this.asked.push(prompt.id);
    this.timeboxes.push(prompt.seconds);
    const talk = this.talk.shift() ?? 0;
    let now = 0;
    let press: (key: "enter") => void = () => {};
    let tick = () => {};
    const result = runCountdown(prompt.seconds, {
      now: () => now,
      every: (_ms, onTick) => {
        tick = onTick;
        return () => {};
      },
      listen: (onKey) => {
        press = onKey;
        return () => {};
      },
      draw: (line) => this.lines.push(line),
      finish: (line) => this.lines.push(line),
    });
    press("enter");
    now = talk * 1000;
    tick();
    if (talk < prompt.seconds) press("enter");
    return result;
  }
}

describe("coach drill --huddle", () => {
  it("asks three unscored questions, names the deal's open gate, and writes mode: huddle", async () => {
    const workspace = await workspaceWithDeal();
    const prompter = new TimedTerminal(
      {
        aim: "A date with the CFO",
        "hard-moment": "",
        strength: "Asking for numbers",
      },
      [30, 30, 30],
    );
    const result = await coach(["drill", "alex-kim", "--huddle", "--deal", "acme-renewal"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).toEqual([
      ...["aim-timer", "aim", "hard-moment-timer", "hard-moment", "strength-timer", "strength"],
    ]);
    // The intro is wrapped to the terminal.
    expect(result.stderr.replace(/\s+/g, " ")).toContain("three questions, about 3 minutes, no score");
    expect(result.stdout).toContain("Huddle with Alex Kim, 2026-11-22: unscored; no practice schedule changed.");
    const [huddle] = recordsOf(workspace, "alex-kim");
    expect(huddle!.record).toMatchObject({
      type: "drill",
      mode: "huddle",
      deal: "acme-renewal",
      stage: "qualification",
    });
    expect(huddle!.record.rounds).toBeUndefined();
    expect(huddle!.record.answers![0]!.prompt).toContain(
      "What would you need to hear to know 'The buyer is open to changing",
    );
    expect(huddle!.body).toContain("> A date with the CFO");
  });

  it("never changes the schedule: the week's routine and the review's drills and focus mix stay as they were", async () => {
    const workspace = await workspaceWithDeal();
    const drilled = writeFile(
      join(workspace, "weak.yaml"),
      stringify({ rounds: [{ score: 2 }, { score: 2 }, { score: 2 }] }),
    );
    const env = (date: string) => ({ workspace, env: { COACH_TODAY: date } });
    const first = await coach(
      ["drill", "alex-kim", "--template", "drill-value-statements", "--answers", drilled],
      env("2026-11-01"),
    );
    expect(first.code, first.stderr).toBe(0);
    const look = async () => ({
      week: (await coach(["--json", "drill", "--week", "alex-kim"], { workspace })).stdout,
      review: JSON.parse((await coach(["--json", "review", "alex-kim"], { workspace })).stdout).drills,
      mix: JSON.parse((await coach(["--json", "review", "alex-kim"], { workspace })).stdout).focus_mix,
      maturity: JSON.parse((await coach(["--json", "review", "--team"], { workspace })).stdout).maturity,
    });
    const before = await look();
    expect(before.review.held).toBe(1);
    const huddle = await coach(
      ["drill", "alex-kim", "--huddle", "--answers", writeFile(join(workspace, "h.yaml"), "aim: A yes\n")],
      {
        workspace,
      },
    );
    expect(huddle.code, huddle.stderr).toBe(0);
    expect(await look()).toEqual(before);
  });
});

describe("the buyer's style on a deal", () => {
  it("deal style sets it, and a style that is not one is refused with a did-you-mean", async () => {
    const workspace = await workspaceWithDeal();
    const set = await coach(["--json", "deal", "style", "acme-renewal", "driver"], { workspace });
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout).buyer_style).toBe("driver");
    const bad = await coach(["deal", "style", "acme-renewal", "analitical"], { workspace });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("did you mean 'analytical'?");
  });
});

describe("the huddle's three minutes", () => {
  const notes = { aim: "A date with the CFO", "hard-moment": "The price question", strength: "Silence after asking" };

  it("each question's clock shows what is left of the three minutes; time a rep did not need carries on", async () => {
    const workspace = await workspaceWithDeal();
    const prompter = new TimedTerminal(notes, [40, 50, 30]);
    const result = await coach(["drill", "alex-kim", "--huddle"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.timeboxes).toEqual([180, 140, 90]);
    expect(prompter.lines).toContain("Stopped at 0:50 of 2:20.");
    expect(result.stderr.replace(/\s+/g, " ")).toContain(
      "Question 2 of 3, 2:20 of the huddle left: Which moment of the call",
    );
    expect(result.stdout).not.toContain("three minutes were up");
    const [huddle] = recordsOf(workspace, "alex-kim");
    expect(huddle!.record.answers!.map((a) => a.id)).toEqual(["aim", "hard-moment", "strength"]);
  });

  it("when the time runs out the huddle ends with what was said: recorded as a huddle, no question after", async () => {
    const workspace = await workspaceWithDeal();
    const prompter = new TimedTerminal(notes, [100, 500]);
    const result = await coach(["drill", "alex-kim", "--huddle"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).toEqual(["aim-timer", "aim", "hard-moment-timer", "hard-moment"]);
    expect(prompter.lines).toContain("Time! (1:20)\u0007");
    expect(result.stdout).toContain("The three minutes were up after question 2 of 3; what was said is kept.");
    expect(result.stdout).toContain("unscored; no practice schedule changed");
    const [huddle] = recordsOf(workspace, "alex-kim");
    expect(huddle!.record).toMatchObject({ mode: "huddle", status: "completed" });
    expect(huddle!.record.rounds).toBeUndefined();
    expect(huddle!.record.answers!.map((a) => [a.id, a.answer])).toEqual([
      ["aim", "A date with the CFO"],
      ["hard-moment", "The price question"],
    ]);
    expect(huddle!.body).toMatch(/## What have you done well[^\n]*\n\n_\(not asked\)_/);
  });

  it("runs no clock for what an answers file gives", async () => {
    const workspace = await workspaceWithDeal();
    const prompter = new TimedTerminal({}, []);
    const file = writeFile(join(workspace, "h.yaml"), stringify(notes));
    const result = await coach(["drill", "alex-kim", "--huddle", "--answers", file], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(recordsOf(workspace, "alex-kim")[0]!.record.answers).toHaveLength(3);
  });
});

describe("a huddle interrupted", () => {
  class CtrlCAt extends TimedTerminal {
    constructor(
      answers: Record<string, unknown>,
      private readonly at: string,
      private readonly halfTyped?: string,
    ) {
      super(answers, [20, 20, 20]);
    }
    override input(prompt: InputPrompt) {
      return prompt.id === this.at ? Promise.reject(new PromptCancelled()) : super.input(prompt);
    }
    override countdown(prompt: CountdownPrompt) {
      return prompt.id === this.at ? Promise.reject(new PromptCancelled()) : super.countdown(prompt);
    }
    pendingText() {
      return this.halfTyped;
    }
  }

  it("before anything was noted saves no draft and says nothing was saved, as a drill does", async () => {
    const workspace = await workspaceWithDeal();
    for (const prompter of [new CtrlCAt({}, "aim-timer"), new CtrlCAt({ aim: "" }, "hard-moment")]) {
      const result = await coach(["drill", "alex-kim", "--huddle"], { workspace, prompter });
      expect(result.code).toBe(130);
      expect(result.stderr).toContain("error: interrupted before anything was answered; nothing was saved\n");
      expect(result.stderr).not.toContain("draft");
      expect(recordsOf(workspace, "alex-kim")).toEqual([]);
      expect(JSON.parse((await coach(["--json", "drafts"], { workspace })).stdout)).toEqual([]);
    }
    const typing = await coach(["drill", "alex-kim", "--huddle"], {
      workspace,
      prompter: new CtrlCAt({}, "aim", "A date"),
    });
    expect(typing.code).toBe(130);
    expect(recordsOf(workspace, "alex-kim")[0]!.record.answers![0]).toMatchObject({ id: "aim", answer: "A date" });
  });

  it("keeps what was answered and the half-typed answer in a draft, and says how to go on", async () => {
    const workspace = await workspaceWithDeal();
    class CtrlC extends TimedTerminal {
      override input(prompt: InputPrompt) {
        return prompt.id === "hard-moment" ? Promise.reject(new PromptCancelled()) : super.input(prompt);
      }
      pendingText() {
        return "When she asks for";
      }
    }
    const result = await coach(["drill", "alex-kim", "--huddle"], {
      workspace,
      prompter: new CtrlC({ aim: "A date with the CFO" }, [20, 20]),
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain("run it again with `coach drill alex-kim --huddle`");
    const [draft] = recordsOf(workspace, "alex-kim");
    expect(draft!.record.status).toBe("draft");
    expect(draft!.record.answers!.map((a) => [a.id, a.answer])).toEqual([
      ["aim", "A date with the CFO"],
      ["hard-moment", "When she asks for"],
    ]);
  });
});

describe("a warm-up interrupted, then resumed", () => {
  const atRound2 = () => new CtrlCPrompter({ "round-1-met": ["0"] }, "round-2-met");
  const warmUp = ["drill", "alex-kim", "--pre-call", "--deal", "acme-renewal"];
  const rest = { "round-2-met": ["0"], "round-3-met": [], "round-4-met": [], "round-5-met": [] };

  it("goes on from the next round while the deal is as it was", async () => {
    const workspace = await workspaceWithDeal();
    expect((await coach(warmUp, { workspace, prompter: atRound2() })).code).toBe(130);
    const prompter = new ScriptedPrompter(rest);
    const resumed = await coach(["drill", "alex-kim", "--resume"], { workspace, prompter });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(prompter.asked.filter((id) => id.startsWith("round-1"))).toEqual([]);
    const [drill] = recordsOf(workspace, "alex-kim");
    expect(drill!.record).toMatchObject({ status: "completed", gate: "open-to-solutions" });
    const prompts = drill!.record.rounds!.map((r) => r.prompt);
    expect(prompts).toHaveLength(5);
    expect(prompts[0]).toContain("'The buyer is open to changing how it is done today'");
    expect(prompts[1]).toBe("Give your first thirty seconds of the call, adapted to this buyer.");
  });

  it("is refused too when only a half-typed response was kept and its round changed", async () => {
    const workspace = await workspaceWithDeal();
    const typing = new CtrlCPrompter({}, "round-1-response", "Asked what would change");
    expect((await coach(warmUp, { workspace, prompter: typing })).code).toBe(130);
    const [draft] = recordFiles(workspace, "alex-kim");
    const before = read(draft!);
    expect(before).toContain("response: Asked what would change");
    expect(
      (await coach(["deal", "gate", "acme-renewal", "open-to-solutions", "--evidence", "Yes"], { workspace })).code,
    ).toBe(0);
    const resumed = await coach(["drill", "alex-kim", "--resume"], { workspace, prompter: new ScriptedPrompter(rest) });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain("round 1 of the draft is no longer round 1 of the drill");
    expect(read(draft!)).toBe(before);
  });

  it("is refused, draft kept, once the deal's rounds changed: a score never lands on another round", async () => {
    const workspace = await workspaceWithDeal();
    expect((await coach(warmUp, { workspace, prompter: atRound2() })).code).toBe(130);
    const [draft] = recordFiles(workspace, "alex-kim");
    const before = read(draft!);
    for (const gate of ["open-to-solutions", "agreed-to-discuss", "can-decide"]) {
      const evidence = await coach(["deal", "gate", "acme-renewal", gate, "--evidence", "Said so"], { workspace });
      expect(evidence.code, evidence.stderr).toBe(0);
      const resumed = await coach(["drill", "alex-kim", "--resume"], {
        workspace,
        prompter: new ScriptedPrompter(rest),
      });
      expect(resumed.code).toBe(2);
      expect(resumed.stderr).toMatch(
        /^error: .*\.md: round 1 of the draft is no longer round 1 of the drill \(deal 'acme-renewal' or the drill changed since it was interrupted\); start it again with `coach drill alex-kim --pre-call --deal acme-renewal`, and throw the draft away with `coach drafts discard [\w-]+`\n$/,
      );
      expect(read(draft!)).toBe(before);
    }
  });
});
