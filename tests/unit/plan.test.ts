import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/domain/config.js";
import { chooseFocus, coachingWarnings, pickTemplate } from "../../src/domain/plan.js";
import { type CoachRecord, RECORD_SCHEMA, type StoredRecord } from "../../src/domain/record.js";
import type { Rep } from "../../src/domain/rep.js";
import { type LoadedTemplate, templateSchema } from "../../src/domain/template.js";
import { drillRecord } from "../drill-fixtures.js";

const rep: Rep = {
  id: "alex-kim",
  name: "Alex Kim",
  role: "",
  style: null,
  goals: [],
  focus_stage: null,
  added: "2026-10-01",
};

function session(
  date: string,
  stage: string,
  ratings: Record<string, number> = {},
  extra: Partial<CoachRecord> = {},
): StoredRecord {
  const record: CoachRecord = {
    schema: RECORD_SCHEMA,
    id: `${date}-session-${stage}-aaaa`,
    type: "session",
    rep: "alex-kim",
    date,
    status: "completed",
    stage,
    coaching_kind: "training",
    focus: "both",
    ratings,
    ...extra,
  };
  return { path: `reps/alex-kim/records/${record.id}.md`, record };
}

describe("chooseFocus", () => {
  it("takes --stage first, then the profile's focus", () => {
    expect(chooseFocus(DEFAULT_CONFIG, rep, [], "closing")).toMatchObject({
      stage: { id: "closing" },
      reason: "chosen with --stage",
    });
    expect(chooseFocus(DEFAULT_CONFIG, { ...rep, focus_stage: "solution" }, [])).toMatchObject({
      stage: { id: "solution" },
      reason: "Alex Kim's profile focus stage",
    });
  });

  it("an open goal's stage or skills beat ratings and process order; the profile focus beats the goal", () => {
    const goals: Rep["goals"] = [
      { id: "g1", text: "Believe in myself", skills: ["self-talk"], status: "open" },
      { id: "g2", text: "Win the big one", stage: "closing", status: "done" },
      { id: "g3", text: "Ask better questions", skills: ["open-questions"], status: "open" },
    ];
    const weakProspecting = [session("2026-11-01", "prospecting", { "opening-statement": 1 })];
    expect(chooseFocus(DEFAULT_CONFIG, { ...rep, goals }, weakProspecting)).toMatchObject({
      stage: { id: "discovery" },
      reason: "Alex Kim's goal g3 'Ask better questions' (Discovery)",
    });
    expect(chooseFocus(DEFAULT_CONFIG, { ...rep, goals, focus_stage: "solution" }, [])).toMatchObject({
      stage: { id: "solution" },
    });
    // A goal about the mindset alone, or a closed one, leaves the stage to the usual rules.
    expect(chooseFocus(DEFAULT_CONFIG, { ...rep, goals: goals.slice(0, 2) }, [])).toMatchObject({
      stage: { id: "prospecting" },
    });
  });

  it("starts a new rep at the first stage and says so", () => {
    const choice = chooseFocus(DEFAULT_CONFIG, rep, []);
    expect(choice.stage.id).toBe("prospecting");
    expect(choice.reason).toMatch(/no sessions yet/);
  });

  it("picks the stage with the weakest recent ratings", () => {
    const records = [
      session("2026-11-01", "discovery", { "active-listening": 4, paraphrasing: 2 }),
      session("2026-11-08", "negotiation", { "objection-handling": 3 }),
      session("2026-11-15", "discovery", { "active-listening": 2 }),
    ];
    const choice = chooseFocus(DEFAULT_CONFIG, rep, records);
    expect(choice.stage.id).toBe("discovery");
    expect(choice.reason).toBe("weakest recent ratings (active-listening 2, paraphrasing 2; average 2.7 of 5)");
  });

  it("ignores strong ratings and falls back to the least-coached stage", () => {
    const records = DEFAULT_CONFIG.stages.map((stage, i) =>
      session(`2026-10-${String(10 + i).padStart(2, "0")}`, stage.id, { [stage.skills[0]!]: 5 }),
    );
    const choice = chooseFocus(DEFAULT_CONFIG, rep, records);
    expect(choice).toMatchObject({ stage: { id: "prospecting" }, reason: "coached longest ago (last on 2026-10-10)" });
  });

  it("prefers a stage never coached over one coached long ago", () => {
    const choice = chooseFocus(DEFAULT_CONFIG, rep, [session("2026-11-01", "prospecting", { "opening-statement": 4 })]);
    expect(choice).toMatchObject({
      stage: { id: "discovery" },
      reason: "never coached yet, the first such stage in the process",
    });
  });

  it("does not count drafts", () => {
    const draft = session("2026-11-15", "discovery", { "active-listening": 1 }, { status: "draft" });
    expect(chooseFocus(DEFAULT_CONFIG, rep, [draft]).stage.id).toBe("prospecting");
  });
});

describe("coachingWarnings", () => {
  // a drill two days ago keeps the drill cadence out of the tests about 1:1s
  const drilled = drillRecord("2026-11-20", { "opening-statement": [3] });

  it("warns when the rep is past the cadence, with the figures", () => {
    expect(coachingWarnings(DEFAULT_CONFIG, rep, [session("2026-11-10", "discovery"), drilled], "2026-11-22")).toEqual([
      "Alex Kim is past the cadence: last 1:1 on 2026-11-10, 12 days ago (every 7 days); 5 days overdue.",
    ]);
    expect(coachingWarnings(DEFAULT_CONFIG, rep, [session("2026-11-14", "discovery"), drilled], "2026-11-22")).toEqual([
      "Alex Kim is past the cadence: last 1:1 on 2026-11-14, 8 days ago (every 7 days); 1 day overdue.",
    ]);
    expect(coachingWarnings(DEFAULT_CONFIG, rep, [session("2026-11-15", "discovery"), drilled], "2026-11-22")).toEqual(
      [],
    );
  });

  it("warns when a rep added long ago was never coached", () => {
    expect(coachingWarnings(DEFAULT_CONFIG, rep, [], "2026-11-22")[0]).toMatch(
      /No 1:1 with Alex Kim recorded since they were added on 2026-10-01/,
    );
  });

  it("warns when the last three sessions were all one kind", () => {
    const kind = { coaching_kind: "performance" as const };
    const records = [
      session("2026-11-08", "discovery", {}, kind),
      session("2026-11-15", "discovery", {}, kind),
      session("2026-11-20", "closing", {}, kind),
      drilled,
    ];
    expect(coachingWarnings(DEFAULT_CONFIG, rep, records, "2026-11-22")).toEqual([
      "The last 3 sessions were all performance coaching: performance reviews cannot stand alone; practise a skill (training) or talk goals (advisor).",
    ]);
    const mixed = [
      ...records.slice(0, 2),
      session("2026-11-20", "closing", {}, { coaching_kind: "training" }),
      drilled,
    ];
    expect(coachingWarnings(DEFAULT_CONFIG, rep, mixed, "2026-11-22")).toEqual([]);
  });

  it("never warns about training sessions in a row: training is the kind most neglected", () => {
    const records = ["2026-11-08", "2026-11-15", "2026-11-20"].map((date) => session(date, "discovery"));
    expect(coachingWarnings(DEFAULT_CONFIG, rep, [...records, drilled], "2026-11-22")).toEqual([]);
  });

  it("warns when the rep has not drilled within cadence.drill_days, with the figures and the command", () => {
    const recent = session("2026-11-20", "discovery");
    const lastWeek = drillRecord("2026-11-12", { "opening-statement": [3] });
    expect(coachingWarnings(DEFAULT_CONFIG, rep, [recent, lastWeek], "2026-11-22")).toEqual([
      "Alex Kim has not drilled for 10 days (last drill on 2026-11-12; drills every 7 days): practise with `coach drill alex-kim`.",
    ]);
    const fortnightly = { ...DEFAULT_CONFIG, cadence: { ...DEFAULT_CONFIG.cadence, drill_days: 14 } };
    expect(coachingWarnings(fortnightly, rep, [recent, lastWeek], "2026-11-22")).toEqual([]);
    expect(coachingWarnings(DEFAULT_CONFIG, rep, [recent], "2026-11-22")).toEqual([
      "No drill recorded for Alex Kim since they were added on 2026-10-01 (drills every 7 days): start with `coach drill alex-kim`.",
    ]);
  });
});

describe("pickTemplate", () => {
  const t = (id: string, stages: string[], source = "built-in"): LoadedTemplate => ({
    template: templateSchema().parse({
      id,
      title: id,
      kind: "session",
      stages,
      coaching_kind: "training",
      focus: "both",
      questions: [{ id: "q", prompt: "?" }],
    }),
    source,
  });

  it("prefers a template written for the stage, and the workspace's own over a built-in", () => {
    const templates = [
      t("any-one", ["any"]),
      t("disc", ["discovery"]),
      t("mine", ["discovery"], "/ws/templates/session/mine.yaml"),
    ];
    expect(pickTemplate(templates, "session", "discovery")?.template.id).toBe("mine");
    expect(pickTemplate(templates, "session", "closing")?.template.id).toBe("any-one");
    expect(pickTemplate(templates, "plan", "closing")).toBeUndefined();
  });
});
