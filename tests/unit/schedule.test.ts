import { describe, expect, it } from "vitest";
import {
  drillSchedule,
  dueBy,
  latestDrillScores,
  newSkillAllowance,
  nextIntervalDays,
} from "../../src/domain/schedule.js";
import { drillRecord } from "../drill-fixtures.js";
import { session, stored } from "../history.js";

describe("drill intervals", () => {
  it.each([
    [[1], 2],
    [[2], 3],
    [[3], 7],
    [[4], 14],
    [[5], 28],
  ])("after scores %j the skill comes back in %i days", (scores, days) => {
    expect(nextIntervalDays(scores)).toBe(days);
  });

  it("repeated strong scores double the interval, up to 56 days", () => {
    expect(nextIntervalDays([4, 4])).toBe(28);
    expect(nextIntervalDays([4, 4, 4])).toBe(56);
    expect(nextIntervalDays([5, 5])).toBe(56);
    expect(nextIntervalDays([4, 5, 5, 5, 5])).toBe(56);
  });

  it("a weak score breaks the run of strong ones", () => {
    expect(nextIntervalDays([5, 5, 2])).toBe(3);
    expect(nextIntervalDays([5, 5, 3, 4])).toBe(14);
    expect(nextIntervalDays([2, 4])).toBe(14);
  });
});

describe("drillSchedule", () => {
  const skills = ["opening-statement", "objection-handling", "purpose"];

  it("dates each skill from its last drill; never-drilled skills are due on firstDue", () => {
    const records = [
      drillRecord("2026-11-10", { "objection-handling": [1, 2] }),
      drillRecord("2026-11-01", { "opening-statement": [5] }),
    ];
    expect(drillSchedule(records, skills, "2026-11-22")).toEqual([
      // average 1.5 rounds to 2: back after 3 days
      { skill: "objection-handling", due: "2026-11-13", last_date: "2026-11-10", last_score: 2, interval_days: 3 },
      { skill: "purpose", due: "2026-11-22", last_date: null, last_score: null, interval_days: null },
      { skill: "opening-statement", due: "2026-11-29", last_date: "2026-11-01", last_score: 5, interval_days: 28 },
    ]);
  });

  it("uses the latest drill of a skill and its run of strong scores", () => {
    const records = [drillRecord("2026-10-01", { purpose: [4] }), drillRecord("2026-10-20", { purpose: [5] })];
    expect(drillSchedule(records, ["purpose"], "2026-11-22")[0]).toMatchObject({
      due: "2026-12-15",
      last_score: 5,
      interval_days: 56,
    });
    expect(latestDrillScores(records).get("purpose")).toEqual({ date: "2026-10-20", score: 5 });
  });

  it("never counts drafts", () => {
    const records = [drillRecord("2026-11-20", { purpose: [1] }, { status: "draft" })];
    expect(drillSchedule(records, ["purpose"], "2026-11-22")[0]).toMatchObject({ due: "2026-11-22", last_score: null });
  });

  it("puts the weaker skill first among skills due the same day", () => {
    const records = [
      drillRecord("2026-11-15", { purpose: [3] }),
      drillRecord("2026-11-19", { "opening-statement": [2] }),
    ];
    expect(
      drillSchedule(records, skills, "2026-11-30")
        .map((s) => s.skill)
        .slice(0, 2),
    ).toEqual(["opening-statement", "purpose"]);
  });
});

describe("what pulls a drill forward", () => {
  const stageSkills = ["opening-statement", "objection-handling", "active-listening"];
  const core = ["self-talk", "purpose"];
  const skills = [...stageSkills, ...core];

  it("a 1:1 rating of 2 brings that skill's drill within 3 days of the session, past the new-skill limit", () => {
    const records = stored([session("alex-kim", "2026-11-20", { ratings: { "active-listening": 2 } })]);
    const schedule = drillSchedule(records, skills, "2026-11-30");
    expect(schedule[0]).toMatchObject({ skill: "active-listening", due: "2026-11-23", last_score: null });
    expect(schedule[0]!.pulled).toBe("rated 2 in the 1:1 of 2026-11-20");
    // no new skill may come in this week, yet the low-rated one does
    expect(dueBy(schedule, "2026-12-06", 0).map((e) => e.skill)).toEqual(["active-listening"]);
  });

  it("a drill scored since the low rating, or a better rating since, leaves the usual schedule", () => {
    const drilledSince = [
      ...stored([session("alex-kim", "2026-11-10", { ratings: { "objection-handling": 1 } })]),
      drillRecord("2026-11-12", { "objection-handling": [5] }),
    ];
    const drilled = drillSchedule(drilledSince, skills, "2026-11-30").find((e) => e.skill === "objection-handling");
    expect(drilled).toMatchObject({ due: "2026-12-10", last_score: 5 });
    expect(drilled!.pulled).toBeUndefined();
    const ratedBetter = [
      session("alex-kim", "2026-11-10", { ratings: { "objection-handling": 2 } }),
      session("alex-kim", "2026-11-17", { ratings: { "objection-handling": 4 } }),
    ];
    expect(drillSchedule(stored(ratedBetter), skills, "2026-11-30").find((e) => e.pulled)).toBeUndefined();
  });

  it("holds a core skill in a new rep's first week, whatever the new-skill limit", () => {
    const schedule = drillSchedule([], skills, "2026-11-30", core);
    expect(dueBy(schedule, "2026-12-06").map((e) => e.skill)).toEqual([
      "opening-statement",
      "objection-handling",
      "self-talk",
    ]);
    expect(dueBy(schedule, "2026-12-06", 0).map((e) => e.skill)).toEqual(["self-talk"]);
  });

  it("brings a core skill back within 14 days of the last core drill, however well it scored", () => {
    const records = [drillRecord("2026-11-02", { "self-talk": [5], purpose: [5] })];
    const schedule = drillSchedule(records, skills, "2026-11-10", core);
    // a 5 alone would wait 28 days (2026-11-30)
    expect(schedule.filter((e) => core.includes(e.skill)).map((e) => [e.skill, e.due])).toEqual([
      ["self-talk", "2026-11-16"],
      ["purpose", "2026-11-30"],
    ]);
    // a core skill never drilled is the one brought in on that day
    const oneDrilled = drillSchedule([drillRecord("2026-11-02", { "self-talk": [5] })], skills, "2026-11-10", core);
    expect(oneDrilled.find((e) => e.skill === "purpose")).toMatchObject({ due: "2026-11-16", last_score: null });
    expect(oneDrilled.find((e) => e.skill === "self-talk")).toMatchObject({ due: "2026-11-30" });
  });

  it("pulls nothing while a core skill is due within the 14 days anyway", () => {
    const records = [drillRecord("2026-11-02", { "self-talk": [3], purpose: [5] })];
    expect(drillSchedule(records, skills, "2026-11-10", core).filter((e) => e.pulled)).toEqual([]);
  });
});

describe("dueBy and new skills", () => {
  it("keeps what is due by the date and brings in at most the allowed new skills", () => {
    const records = [drillRecord("2026-11-10", { "objection-handling": [2] })];
    const schedule = drillSchedule(records, ["a", "b", "c", "objection-handling"], "2026-11-22");
    expect(dueBy(schedule, "2026-11-28", 2).map((s) => s.skill)).toEqual(["objection-handling", "a", "b"]);
    expect(dueBy(schedule, "2026-11-28", 0).map((s) => s.skill)).toEqual(["objection-handling"]);
    expect(dueBy(schedule, "2026-11-12", 2)).toEqual([]);
  });

  it("counts skills first drilled in the last seven days against the weekly allowance", () => {
    expect(newSkillAllowance([], "2026-11-22")).toBe(2);
    expect(newSkillAllowance([drillRecord("2026-11-20", { purpose: [3] })], "2026-11-22")).toBe(1);
    expect(newSkillAllowance([drillRecord("2026-11-20", { purpose: [3], "self-talk": [2] })], "2026-11-22")).toBe(0);
    expect(
      newSkillAllowance(
        [drillRecord("2026-11-01", { purpose: [3] }), drillRecord("2026-11-20", { purpose: [3] })],
        "2026-11-22",
      ),
    ).toBe(2);
  });
});
