import { describe, expect, it } from "vitest";
import {
  drillSchedule,
  dueBy,
  latestDrillScores,
  newSkillAllowance,
  nextIntervalDays,
} from "../../src/domain/schedule.js";
import { drillRecord } from "../drill-fixtures.js";

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
