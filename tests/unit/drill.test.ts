import { describe, expect, it } from "vitest";
import { roundSpecs } from "../../src/domain/asking/rounds.js";
import { answerAt } from "../../src/domain/asking/spec.js";
import { DEFAULT_CONFIG } from "../../src/domain/config.js";
import {
  chooseSkill,
  drillableSkills,
  drillForSkill,
  mainSkill,
  WARM_UP_SECONDS,
  warmUpRounds,
} from "../../src/domain/drill.js";
import { givenRoundProblems } from "../../src/domain/drill-answers.js";
import { weekRoutine } from "../../src/domain/drill-week.js";
import type { Round } from "../../src/domain/template.js";
import { loadTemplates } from "../../src/store/templates.js";
import { Asker } from "../../src/ui/ask.js";
import { drillRecord, rep } from "../drill-fixtures.js";

const templates = await loadTemplates("/nonexistent-coach-workspace", DEFAULT_CONFIG);
const drillOf = (id: string) => templates.find((t) => t.template.id === id)!.template;
const round = (timebox: number | undefined, skill = "purpose"): Round => ({
  scenario: "s",
  prompt: `p${timebox}`,
  timebox,
  look_for: [{ text: "x", must: false, live: false }],
  skill,
});

describe("choosing a drill", () => {
  it("a drill's main skill is the one most of its rounds train", () => {
    expect(mainSkill(drillOf("drill-paraphrasing"))).toBe("paraphrasing");
  });

  it("finds the drill for a skill, also one that only has a round of it", () => {
    expect(drillForSkill(templates, "objection-handling")?.template.id).toBe("drill-objection-handling");
    expect(drillForSkill(templates, "active-listening")?.template.id).toBe("drill-paraphrasing");
  });

  it("brings in the rep's focus stage first, and narrows to a stage or a skill", () => {
    expect(drillableSkills(DEFAULT_CONFIG, templates, {}, rep("sam-lee", "negotiation")).slice(0, 2)).toEqual([
      "objection-handling",
      "validating-concerns",
    ]);
    expect(drillableSkills(DEFAULT_CONFIG, templates, { stage: "discovery" })).toEqual([
      "open-questions",
      "active-listening",
      "paraphrasing",
    ]);
    expect(drillableSkills(DEFAULT_CONFIG, templates, { skill: "purpose" })).toEqual(["purpose"]);
  });

  it("picks the rep's most overdue skill: a weak one whose interval ran out beats one never practised", () => {
    const records = [
      drillRecord("2026-11-15", { "objection-handling": [2] }),
      drillRecord("2026-11-15", { "pre-call-planning": [5] }),
    ];
    const choice = chooseSkill(DEFAULT_CONFIG, templates, [{ rep: rep("alex-kim"), records }], {}, "2026-11-22");
    expect(choice?.skill).toBe("objection-handling");
    expect(choice?.reason).toContain("last scored 2 on 2026-11-15, was due 2026-11-18");
  });

  it("on the same due date, a weak skill comes before one never practised, and that before a middling one", () => {
    const weak = [drillRecord("2026-11-19", { purpose: [2] })]; // due 2026-11-22
    expect(
      chooseSkill(DEFAULT_CONFIG, templates, [{ rep: rep("alex-kim"), records: weak }], {}, "2026-11-22")?.skill,
    ).toBe("purpose");
    const middling = [drillRecord("2026-11-15", { purpose: [3] })]; // due 2026-11-22
    const choice = chooseSkill(
      DEFAULT_CONFIG,
      templates,
      [{ rep: rep("alex-kim"), records: middling }],
      {},
      "2026-11-22",
    );
    expect(choice).toEqual({
      skill: "pre-call-planning",
      reason: "pre-call-planning is due: not practised yet, and next in the process order",
    });
  });

  it("for a clinic, picks the skill overdue for any rep, then the one due for the most reps", () => {
    const alex = { rep: rep("alex-kim"), records: [drillRecord("2026-11-15", { "opening-statement": [1] })] };
    const sam = {
      rep: rep("sam-lee"),
      records: [drillRecord("2026-11-15", { "opening-statement": [5] }, { rep: "sam-lee" })],
    };
    expect(chooseSkill(DEFAULT_CONFIG, templates, [alex, sam], {}, "2026-11-22")?.skill).toBe("opening-statement");
    // nothing overdue: the first skill due today for both reps
    const fresh = [
      { rep: rep("alex-kim"), records: [] },
      { rep: rep("sam-lee"), records: [] },
    ];
    expect(chooseSkill(DEFAULT_CONFIG, templates, fresh, { stage: "negotiation" }, "2026-11-22")?.skill).toBe(
      "objection-handling",
    );
  });
});

describe("pre-call warm-up", () => {
  it("keeps the rounds that fit in five minutes, in order", () => {
    const picked = warmUpRounds([round(120), round(150), round(90), round(30)]);
    expect(picked.map((r) => r.timebox)).toEqual([120, 150, 30]);
    expect(picked.reduce((sum, r) => sum + (r.timebox ?? 0), 0)).toBeLessThanOrEqual(WARM_UP_SECONDS);
  });

  it("counts an untimed round as a minute and always keeps a first round, cut to five minutes", () => {
    expect(warmUpRounds([round(undefined), round(240), round(60)]).map((r) => r.timebox)).toEqual([undefined, 240]);
    expect(warmUpRounds([round(900), round(600)]).map((r) => r.timebox)).toEqual([300]);
  });

  it("fits every built-in drill in full", () => {
    for (const { template } of templates.filter((t) => t.template.kind === "drill")) {
      expect(warmUpRounds(template.rounds!).length, template.id).toBe(template.rounds!.length);
    }
  });
});

describe("rounds from an answers file", () => {
  const rounds = [round(60, "opening-statement"), round(60, "opening-statement")];

  const sam = (index: number) => roundSpecs(rounds[index]!, index, "sam-lee", "Sam Lee", true);

  it("a single score scores every rep; a map scores each", () => {
    expect(answerAt({ rounds: [{ score: 4, response: "hi" }] }, sam(0).score)).toEqual({ raw: 4 });
    expect(answerAt({ rounds: [{ score: 4, response: "hi" }] }, sam(0).response)).toEqual({ raw: "hi" });
    expect(answerAt({ rounds: [{ score: { "alex-kim": 2, "sam-lee": 5 } }] }, sam(0).score)).toEqual({ raw: 5 });
    expect(answerAt({ rounds: [{ score: { "alex-kim": 2 } }] }, sam(0).score)).toBeUndefined();
  });

  it("lists each round with a score missing under `rounds`, and for which reps in a clinic", async () => {
    const asker = new Asker({ file: { rounds: [{ score: { "alex-kim": 2 } }, { score: 4 }] }, today: "2026-11-22" });
    for (const index of [0, 1])
      for (const rep of ["alex-kim", "sam-lee"])
        await asker.ask(roundSpecs(rounds[index]!, index, rep, rep, true).score);
    expect(asker.missing).toEqual([
      {
        id: "round-1",
        key: "rounds",
        type: "scale",
        prompt: "p60",
        min: 1,
        max: 5,
        skill: "opening-statement",
        reps: ["sam-lee"],
        look_for: ["x"],
      },
    ]);
  });

  it("flags scores for reps not in the drill and extra rounds", () => {
    const problems = givenRoundProblems(
      rounds,
      [{ score: { "alex-kim": 2, bob: 3 } }, { score: 4 }, { score: 5 }],
      ["alex-kim"],
    );
    expect(problems.errors).toEqual(["round-1: score for 'bob', who is not in this drill (reps: alex-kim)"]);
    expect(problems.warnings).toEqual(["3 rounds given but this drill plays 2; the extra ones are ignored"]);
  });
});

describe("the week's routine", () => {
  const from = "2026-11-22";

  it("lists what is due by date, overdue skills with their own due date, and puts the weak skill first for the meeting", () => {
    const alex = {
      rep: rep("alex-kim"),
      records: [
        drillRecord("2026-11-20", { "objection-handling": [2] }),
        drillRecord("2026-11-10", { "opening-statement": [1] }),
        drillRecord("2026-11-18", { purpose: [3] }),
      ],
    };
    const sam = {
      rep: rep("sam-lee"),
      records: [drillRecord("2026-11-20", { "objection-handling": [5] }, { rep: "sam-lee" })],
    };
    const week = weekRoutine(DEFAULT_CONFIG, templates, [alex, sam], {}, from);
    expect(week.to).toBe("2026-11-28");
    const dues = week.items.map((i) => i.due);
    expect(dues).toEqual([...dues].sort());
    expect(week.items[0]).toEqual({
      rep: "alex-kim",
      skill: "opening-statement",
      template: "drill-opening-statement",
      due: "2026-11-12",
      last_score: 1,
    });
    expect(week.items).toContainEqual({
      rep: "alex-kim",
      skill: "objection-handling",
      template: "drill-objection-handling",
      due: "2026-11-23",
      last_score: 2,
    });
    // sam scored 5 two days ago: objection handling is not due for him this week
    expect(week.items.some((i) => i.rep === "sam-lee" && i.skill === "objection-handling")).toBe(false);
    expect(week.meeting.map((m) => m.template).slice(0, 2)).toEqual([
      "drill-opening-statement",
      "drill-objection-handling",
    ]);
    expect(week.meeting[0]).toMatchObject({ skills: ["opening-statement"], lowest_score: 1 });
  });

  it("groups a skill due for several reps into one clinic, and never-practised skills after the weak ones", () => {
    const alex = { rep: rep("alex-kim"), records: [drillRecord("2026-11-20", { "objection-handling": [2] })] };
    const sam = {
      rep: rep("sam-lee"),
      records: [drillRecord("2026-11-20", { "objection-handling": [1] }, { rep: "sam-lee" })],
    };
    const week = weekRoutine(DEFAULT_CONFIG, templates, [alex, sam], {}, from);
    expect(week.meeting[0]).toMatchObject({ template: "drill-objection-handling", lowest_score: 1 });
    // sam's 1 is due on the 22nd, alex's 2 on the 23rd
    expect(week.meeting[0]!.reps.map((r) => [r.rep, r.due])).toEqual([
      ["sam-lee", "2026-11-22"],
      ["alex-kim", "2026-11-23"],
    ]);
    expect(week.meeting.slice(1).every((m) => m.lowest_score === null)).toBe(true);
    // one new stage skill each this week (objection handling came in two days ago), and the first core
    // skill, which no new-skill limit holds back
    const fresh = week.items.filter((i) => i.last_score === null);
    expect(fresh.map((i) => i.rep).sort()).toEqual(["alex-kim", "alex-kim", "sam-lee", "sam-lee"]);
    expect(fresh.filter((i) => i.skill === "self-talk").map((i) => i.rep)).toEqual(["alex-kim", "sam-lee"]);
    expect(week.waiting).toEqual({ "alex-kim": 14, "sam-lee": 14 });
  });
});
