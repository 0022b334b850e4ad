import { describe, expect, it } from "vitest";
import { addDaysIso } from "../../src/domain/dates.js";
import {
  type MaturityEvidence,
  maturityLevel,
  nextLevelAdvice,
  type RepCoachingFacts,
  repCoachingFacts,
  teamMaturity,
} from "../../src/domain/maturity.js";
import type { StoredRecord } from "../../src/domain/record.js";
import type { ActionCounts, Period } from "../../src/domain/review.js";
import { drill, session, stored } from "../history.js";

const DYNAMIC: MaturityEvidence = {
  on_cadence: 0.8,
  stage_keyed: 0.5,
  drills_weekly: 0.5,
  mindset_share: 0.33,
  on_time: 0.7,
};
const level = (change: Partial<MaturityEvidence>) => maturityLevel({ ...DYNAMIC, ...change });

describe("the team's maturity level", () => {
  it("is ad hoc under half the reps on cadence, informal from half", () => {
    expect(level({ on_cadence: 0.49 })).toBe("ad-hoc");
    expect(level({ on_cadence: null })).toBe("ad-hoc");
    expect(level({ on_cadence: 0.5 })).toBe("informal");
    expect(level({ on_cadence: 0.79 })).toBe("informal");
  });

  it("is formal from 80% on cadence with half the 1:1s stage-keyed and half the reps drilling weekly", () => {
    expect(level({ mindset_share: 0.2 })).toBe("formal");
    expect(level({ stage_keyed: 0.49 })).toBe("informal");
    expect(level({ stage_keyed: null })).toBe("informal");
    expect(level({ drills_weekly: 0.49 })).toBe("informal");
  });

  it("is dynamic when formal with a third on the mindset and 70% of commitments on time", () => {
    expect(level({})).toBe("dynamic");
    expect(level({ mindset_share: 0.32 })).toBe("formal");
    expect(level({ on_time: 0.69 })).toBe("formal");
    expect(level({ on_time: null })).toBe("formal");
  });

  it("says what would move the team up, naming only what is missing, with the figures", () => {
    expect(nextLevelAdvice({ level: "ad-hoc", evidence: { ...DYNAMIC, on_cadence: 0.25 } })).toBe(
      "To reach informal: coach at least half the reps on cadence (now 25%).",
    );
    expect(
      nextLevelAdvice({ level: "informal", evidence: { ...DYNAMIC, drills_weekly: 0.1, stage_keyed: null } }),
    ).toBe(
      "To reach formal: key at least half the 1:1s to a stage of the process (nothing to measure yet); " +
        "have at least half the reps drill in most weeks (now 10%).",
    );
    expect(nextLevelAdvice({ level: "formal", evidence: { ...DYNAMIC, on_time: 0.5 } })).toBe(
      "To reach dynamic: keep at least 70% of the commitments on time (now 50%).",
    );
    expect(nextLevelAdvice({ level: "dynamic", evidence: DYNAMIC })).toMatch(/^The team is at the top level/);
  });
});

const PERIOD: Period = { from: "2026-10-26", to: "2026-11-22" }; // four whole weeks
const NO_ACTIONS: ActionCounts = {
  made: 0,
  done: 0,
  done_on_time: 0,
  tried: 0,
  dropped: 0,
  open: 0,
  overdue: 0,
  overdue_items: [],
  open_from_earlier: 0,
};
const keyedByTemplate = (s: { template?: unknown }) => s.template !== "session-mindset";

describe("a rep's part of the evidence", () => {
  it("counts weeks and drill weeks as listing the weeks one by one would, for any period and start", () => {
    const day = (n: number) => addDaysIso("2026-01-01", n);
    // The weeks listed back from the period's last day, as the report describes them.
    const listed = (period: Period, start: string | undefined, drills: string[]) => {
      const weeks: Period[] = [];
      for (let to = period.to; addDaysIso(to, -6) >= period.from; to = addDaysIso(to, -7))
        weeks.push({ from: addDaysIso(to, -6), to });
      if (!weeks.length) weeks.push(period);
      const kept = weeks.filter((w) => start === undefined || w.to >= start);
      const joinedIn = kept.at(-1);
      const drilledIn = (w: Period) => drills.some((d) => d >= w.from && d <= w.to);
      // The week the rep joined part-way through counts only with a drill in it.
      if (start !== undefined && joinedIn && joinedIn.from < start && !drilledIn(joinedIn)) kept.pop();
      return {
        weeks: kept.length,
        drillWeeks: kept.filter((w) => drills.some((d) => d >= w.from && d <= w.to)).length,
      };
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const from = random(400);
      const period = { from: day(from), to: day(from + random(60)) };
      const start = random(4) === 0 ? undefined : day(from - 30 + random(100));
      const drills = Array.from({ length: random(8) }, () => day(from - 5 + random(70)));
      const facts = repCoachingFacts({
        records: stored(drills.map((date) => drill("ann", date, "purpose", [3]))),
        period,
        start,
        actions: NO_ACTIONS,
        isStageKeyed: keyedByTemplate,
      });
      const inPeriod = drills.filter((d) => d >= period.from && d <= period.to);
      expect({ weeks: facts.weeks, drillWeeks: facts.drillWeeks }, JSON.stringify({ period, start, drills })).toEqual(
        listed(period, start, inPeriod),
      );
    }
  });

  it("counts the weeks with a drill since the rep started, and the stage-keyed 1:1s", () => {
    const since = (start: string, records: StoredRecord[] = []) =>
      repCoachingFacts({ records, period: PERIOD, start, actions: NO_ACTIONS, isStageKeyed: keyedByTemplate });
    const mindset = { ...session("ann", "2026-11-10"), template: "session-mindset", focus: "mindset" as const };
    const facts = since(
      "2026-10-01",
      stored([
        drill("ann", "2026-10-26", "purpose", [3]), // first day of the first week
        drill("ann", "2026-11-16", "purpose", [3]), // first day of the last week
        drill("ann", "2026-11-17", "purpose", [3]), // same week again
        drill("ann", "2026-10-20", "purpose", [3]), // before the period
        { ...drill("ann", "2026-11-04", "purpose", [3]), mode: "huddle" as const }, // a huddle is no practice
        session("ann", "2026-11-03"),
        mindset,
      ]),
    );
    expect(facts).toMatchObject({ weeks: 4, drillWeeks: 2, sessions: 2, stageKeyed: 1 });
    expect(facts.mix).toEqual({ skillset: 0, mindset: 1, both: 1 }); // these drills name no focus
    // Joined on the last day of the third week: that week counts only once it holds a drill.
    expect(since("2026-11-15")).toMatchObject({ weeks: 1, drillWeeks: 0 });
    expect(since("2026-11-15", stored([drill("ann", "2026-11-15", "purpose", [3])]))).toMatchObject({
      weeks: 2,
      drillWeeks: 1,
    });
    expect(teamMaturity([since(PERIOD.to)], null).evidence.drills_weekly).toBeNull();
  });

  it("leaves open commitments not yet due out of on-time, and counts a tried one as kept", () => {
    const actions = { ...NO_ACTIONS, made: 6, done: 2, done_on_time: 1, tried: 1, open: 3, overdue: 1 };
    const facts = repCoachingFacts({
      records: [],
      period: PERIOD,
      start: undefined,
      actions,
      isStageKeyed: keyedByTemplate,
    });
    expect(facts).toMatchObject({ measured: 4, kept: 2 });
  });
});

describe("the team's evidence", () => {
  const rep = (change: Partial<RepCoachingFacts>): RepCoachingFacts => ({
    sessions: 4,
    stageKeyed: 2,
    weeks: 4,
    drillWeeks: 2,
    mix: { skillset: 1, mindset: 1, both: 1 },
    measured: 10,
    kept: 7,
    ...change,
  });

  it("sums the reps into shares from 0 to 1, and places the team", () => {
    const maturity = teamMaturity([rep({}), rep({ drillWeeks: 1, stageKeyed: 4 }), rep({})], 0.67);
    expect(maturity.evidence).toEqual({
      on_cadence: 0.67,
      stage_keyed: 0.67,
      drills_weekly: 0.67,
      mindset_share: 0.5,
      on_time: 0.7,
    });
    expect(maturity.level).toBe("informal");
    expect(teamMaturity([rep({}), rep({})], 1).level).toBe("dynamic");
  });

  it("has nothing to measure for a team with no reps or no coaching yet", () => {
    expect(teamMaturity([], null)).toEqual({
      level: "ad-hoc",
      evidence: { on_cadence: null, stage_keyed: null, drills_weekly: null, mindset_share: null, on_time: null },
    });
    const idle = teamMaturity([rep({ sessions: 0, stageKeyed: 0, mix: { skillset: 0, mindset: 0, both: 0 } })], 1);
    expect(idle.evidence).toMatchObject({ stage_keyed: null, mindset_share: null });
  });
});
