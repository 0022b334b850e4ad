import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/domain/config.js";
import { type Period, type ReviewedRep, reviewRep } from "../../src/domain/review.js";
import { drill, note, plan, session, stored } from "../history.js";

const TODAY = "2026-11-22";
const PERIOD: Period = { from: "2026-08-24", to: TODAY };
const alex: ReviewedRep = {
  id: "alex-kim",
  name: "Alex Kim",
  goals: ["Make senior AE"],
  added: "2026-01-05",
  focus_stage: null,
  profile: true,
};
const review = (records: Parameters<typeof stored>[0], rep: ReviewedRep = alex, period = PERIOD) =>
  reviewRep(DEFAULT_CONFIG, rep, stored(records), period);

describe("cadence", () => {
  it("counts 1:1s held against those expected, both ends of the period included", () => {
    const { cadence } = review([
      session("alex-kim", "2026-08-23"), // the day before the period
      session("alex-kim", "2026-08-24"), // its first day
      session("alex-kim", "2026-09-14"),
      session("alex-kim", "2026-10-26"),
      session("alex-kim", "2026-11-22"), // today, its last day
      session("alex-kim", "2026-11-23"), // dated after today: not yet
    ]);
    // 2026-08-24..2026-11-22 is 91 days: 13 weekly 1:1s expected.
    expect(cadence).toMatchObject({
      every_days: 7,
      expected: 13,
      held: 4,
      last_session: TODAY,
      days_since: 0,
      overdue: false,
    });
    // 08-24 -> 09-14 is 21 days, 09-14 -> 10-26 is 42, 10-26 -> 11-22 is 27.
    expect(cadence.longest_gap_days).toBe(42);
  });

  it("never counts drafts or plans as 1:1s held", () => {
    const { cadence } = review([
      session("alex-kim", "2026-11-01", { status: "draft" }),
      session("alex-kim", "2026-11-10"),
    ]);
    expect(cadence.held).toBe(1);
    expect(cadence.last_session).toBe("2026-11-10");
  });

  it("counts the gap from the start of the period and up to today", () => {
    expect(review([session("alex-kim", "2026-10-03")]).cadence.longest_gap_days).toBe(50); // 10-03 -> 11-22
    expect(review([session("alex-kim", "2026-11-20")]).cadence.longest_gap_days).toBe(88); // 08-24 -> 11-20
  });

  it("expects 1:1s only from when the rep's history starts", () => {
    const newcomer = { ...alex, added: "2026-10-01" };
    // 2026-10-01..2026-11-22 is 53 days: 7 weekly 1:1s.
    expect(review([], newcomer).cadence.expected).toBe(7);
    // A back-dated record earlier than `added` moves the start back.
    expect(review([session("alex-kim", "2026-09-15")], newcomer).cadence.expected).toBe(9); // 69 days
  });

  it("is overdue only past the cadence", () => {
    expect(review([session("alex-kim", "2026-11-15")]).cadence).toMatchObject({
      days_since: 7,
      overdue: false,
      next_due: "2026-11-22",
    });
    expect(review([session("alex-kim", "2026-11-14")]).cadence).toMatchObject({
      days_since: 8,
      overdue: true,
      next_due: "2026-11-21",
    });
    expect(review([], { ...alex, added: TODAY }).cadence.overdue).toBe(false);
    expect(review([], { ...alex, added: "2026-11-10" }).cadence.overdue).toBe(true);
  });

  it("reads the last 1:1 from before the period too", () => {
    const { cadence } = review([session("alex-kim", "2026-07-01")]);
    expect(cadence).toMatchObject({ held: 0, last_session: "2026-07-01", days_since: 144, overdue: true });
  });
});

describe("commitments", () => {
  const history = [
    session("alex-kim", "2026-09-01", {
      actions: [
        { id: "ontime1", due: "2026-09-08", status: "done", closed_on: "2026-09-08" }, // on the due date: on time
        { id: "early01", due: "2026-09-08", status: "done", closed_on: "2026-09-02" },
        { id: "late001", due: "2026-09-08", status: "done", closed_on: "2026-09-09" },
        { id: "nodue01", due: null, status: "done", closed_on: "2026-09-20" }, // cannot be late
        { id: "drop001", due: "2026-09-08", status: "dropped", closed_on: "2026-09-10" },
      ],
    }),
    note("alex-kim", "2026-10-01", { id: "over001", due: "2026-11-21", text: "Send the recap" }), // due yesterday: overdue
    note("alex-kim", "2026-10-02", { id: "over002", due: "2026-10-02", text: "Book the QBR" }),
    note("alex-kim", "2026-10-03", { id: "duetoday", due: TODAY }), // due today: open, not overdue
    note("alex-kim", "2026-10-04", { id: "undated", due: null }),
    note("alex-kim", "2026-08-01", { id: "older01", due: "2026-08-10" }), // made before the period
    session("alex-kim", "2026-10-05", { status: "draft", actions: [{ id: "draft01", due: "2026-10-06" }] }),
  ];

  it("counts those made in the period, with open and overdue as of today", () => {
    const { actions } = review(history);
    expect(actions).toMatchObject({
      made: 9,
      done: 4,
      done_on_time: 3,
      dropped: 1,
      open: 4,
      overdue: 2,
      open_from_earlier: 1,
    });
  });

  it("lists the overdue ones, most overdue first, with where they were made", () => {
    const { overdue_items } = review(history).actions;
    expect(overdue_items.map((a) => [a.id, a.days_overdue])).toEqual([
      ["over002", 51],
      ["over001", 1],
    ]);
    expect(overdue_items[0]).toMatchObject({
      text: "Book the QBR",
      due: "2026-10-02",
      made: "2026-10-02",
      owner: "rep",
    });
    expect(overdue_items[0]!.record).toMatch(/^reps\/alex-kim\/records\/2026-10-02-note-action-/);
  });
});

describe("skills, stages and kinds", () => {
  const history = [
    session("alex-kim", "2026-08-20", { ratings: { "active-listening": 1 } }), // before the period
    session("alex-kim", "2026-09-01", {
      stage: "discovery",
      kind: "performance",
      ratings: { "active-listening": 2, "objection-handling": 4, "open-questions": 3, purpose: 3 },
    }),
    session("alex-kim", "2026-10-01", {
      stage: "discovery",
      kind: "performance",
      ratings: { "active-listening": 3, "open-questions": 3 },
    }),
    session("alex-kim", "2026-11-20", {
      stage: "negotiation",
      kind: "training",
      ratings: { "active-listening": 4, "objection-handling": 2, "open-questions": 3 },
    }),
    session("alex-kim", "2026-11-21", { status: "draft", ratings: { "active-listening": 1 } }),
  ];

  it("gives each skill's ratings over the period with first, last and trend, in process order", () => {
    const { skills } = review(history);
    expect(skills.map((s) => [s.skill, s.first, s.last, s.trend])).toEqual([
      ["open-questions", 3, 3, "flat"],
      ["active-listening", 2, 4, "up"],
      ["objection-handling", 4, 2, "down"],
      ["purpose", 3, 3, "single"],
    ]);
    expect(skills[1]!.ratings).toEqual([
      { date: "2026-09-01", value: 2 },
      { date: "2026-10-01", value: 3 },
      { date: "2026-11-20", value: 4 },
    ]);
  });

  it("counts every stage and kind, zero included, and names the stages never coached", () => {
    const result = review(history);
    expect(result.stages).toEqual({
      prospecting: 0,
      discovery: 2,
      qualification: 0,
      solution: 0,
      negotiation: 1,
      closing: 0,
      "account-care": 0,
    });
    expect(result.coaching_kinds).toEqual({ advisor: 0, performance: 2, deal: 0, training: 1 });
    expect(result.uncoached_stages).toEqual(["prospecting", "qualification", "solution", "closing", "account-care"]);
  });
});

describe("drills", () => {
  it("counts drills and scores in the period and lists what the drill schedule has due", () => {
    const { drills } = review([
      drill("alex-kim", "2026-08-01", "paraphrasing", [5, 5]), // before the period: schedule only
      drill("alex-kim", "2026-11-01", "objection-handling", [2, 3]),
      drill("alex-kim", "2026-11-20", "objection-handling", [4]),
      drill("alex-kim", "2026-11-21", "open-questions", [1]),
    ]);
    expect(drills.held).toBe(3);
    expect(drills.average_score).toBe(2.5); // (2 + 3 + 4 + 1) / 4
    expect(drills.by_skill).toEqual([
      { skill: "objection-handling", rounds: 3, average_score: 3, last_score: 4, last_date: "2026-11-20" },
      { skill: "open-questions", rounds: 1, average_score: 1, last_score: 1, last_date: "2026-11-21" },
    ]);
    // paraphrasing scored 5 on 08-01: back 28 days later, 08-29, overdue now; objection-handling 4 after 3 -> 12-04;
    // open-questions 1 -> 11-23. One never-practised skill comes in this week (open-questions was the other),
    // and a core skill, since none has been drilled yet.
    expect(drills.due).toEqual([
      { skill: "paraphrasing", due: "2026-08-29", last_score: 5 },
      { skill: "pre-call-planning", due: TODAY, last_score: null },
      { skill: "self-talk", due: TODAY, last_score: null },
    ]);
  });

  it("brings in never-practised skills two a week, the focus stage's first, and a core skill from the start", () => {
    const { drills } = review([], { ...alex, focus_stage: "negotiation" });
    expect(drills.due.map((d) => d.skill)).toEqual(["objection-handling", "validating-concerns", "self-talk"]);
  });
});

describe("next steps", () => {
  it("says what to do first: the overdue 1:1, the overdue commitment, the falling skill", () => {
    const steps = review([
      session("alex-kim", "2026-09-01", { kind: "performance", ratings: { "objection-handling": 4 } }),
      session("alex-kim", "2026-10-01", {
        kind: "performance",
        ratings: { "objection-handling": 2 },
        actions: [{ text: "Send the recap", due: "2026-10-08" }],
      }),
    ]).next_steps;
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(5);
    expect(steps[0]).toMatch(/^Book a 1:1 with Alex Kim: the last was on 2026-10-01, 52 days ago/);
    expect(steps[1]).toMatch(/^Follow up the overdue commitment "Send the recap" \(due 2026-10-08, 45 days late\)/);
    expect(steps[2]).toBe(
      "Drill objection-handling (down from 4 to 2): `coach drill alex-kim --skill objection-handling`.",
    );
    expect(steps).toContain(
      "Mix in training or advisor coaching: all 2 sessions this period were performance reviews, which cannot stand alone.",
    );
  });

  it("flags goals never discussed and stages never coached", () => {
    const steps = review([session("alex-kim", "2026-11-20", { stage: "discovery" })]).next_steps;
    expect(steps.some((s) => s.startsWith('Talk about Alex Kim\'s own goals ("Make senior AE")'))).toBe(true);
    expect(steps.some((s) => s.startsWith("Coach Prospecting, Qualification, Solution"))).toBe(true);
  });

  it("still gives at least three concrete steps for a rep with a spotless record", () => {
    const goalsDiscussed = [session("alex-kim", "2026-11-20", { kind: "advisor" })];
    const steps = review(
      goalsDiscussed,
      { ...alex, added: "2026-11-20" },
      { from: "2026-11-20", to: TODAY },
    ).next_steps;
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps).toContain("Next 1:1 due 2026-11-27: prepare it with `coach plan alex-kim`.");
  });
});

describe("mindset and heroic coaching in the review", () => {
  const withFocus = (record: ReturnType<typeof session>, focus: "skillset" | "mindset" | "both") => ({
    ...record,
    focus,
  });

  it("counts sessions and drills by focus and warns when mindset is under a third", () => {
    const skillHeavy = review([
      withFocus(session("alex-kim", "2026-11-01"), "skillset"),
      withFocus(session("alex-kim", "2026-11-08"), "skillset"),
      withFocus(drill("alex-kim", "2026-11-09", "objection-handling", [3]), "skillset"),
      withFocus(session("alex-kim", "2026-11-15"), "both"),
    ]);
    expect(skillHeavy.focus_mix).toEqual({ skillset: 3, mindset: 0, both: 1 });
    // a "both" counts half: 0.5 of 4 is 13%
    expect(skillHeavy.next_steps.join("\n")).toMatch(/Give the mindset more room: it was 13% of the coaching/);
    const balanced = review([
      withFocus(session("alex-kim", "2026-11-01"), "skillset"),
      withFocus(drill("alex-kim", "2026-11-09", "self-talk", [3]), "mindset"),
    ]);
    expect(balanced.next_steps.join("\n")).not.toMatch(/mindset more room/);
  });

  it("counts the 1:1s where the manager took over, and flags a period of mostly manager-owned commitments", () => {
    const heroic = review([
      {
        ...session("alex-kim", "2026-11-01", { actions: [{ owner: "manager" }, { owner: "manager" }] }),
        took_over: true,
      },
      session("alex-kim", "2026-11-08", { actions: [{ owner: "rep" }] }),
    ]);
    expect(heroic.took_over).toBe(1);
    expect(heroic.manager_owned).toBe(2);
    expect(heroic.next_steps.join("\n")).toMatch(
      /Hand the work back: you own 2 of the 3 commitments made this period, and did part of Alex Kim's work in 1 1:1/,
    );
    const shared = review([session("alex-kim", "2026-11-01", { actions: [{ owner: "manager" }, { owner: "rep" }] })]);
    expect(shared.next_steps.join("\n")).not.toMatch(/Hand the work back/);
  });

  it("trends the manager's self-check: how often it was asked, and the doubts that come back", () => {
    const checked = (date: string, doubts: string[]) => ({ ...plan("alex-kim", date), self_check: { doubts } });
    const { self_check, next_steps } = review([
      checked("2026-11-01", ["self_believe"]),
      checked("2026-11-08", ["self_believe", "self_time"]),
      checked("2026-11-15", []),
      { ...checked("2026-11-20", ["self_time"]), status: "draft" as const },
      plan("alex-kim", "2026-11-21"), // made without the self-check
    ]);
    expect(self_check).toEqual({
      asked: 3,
      doubts: [
        { question: "self_believe", times: 2 },
        { question: "self_time", times: 1 },
      ],
    });
    expect(next_steps.join("\n")).toMatch(/answered no to 'self_believe' in 2 of 3 self-checks/);
  });
});
