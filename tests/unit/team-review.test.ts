import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/domain/config.js";
import { byIdOnly, type Period, type ReviewedRep, summarizeRep } from "../../src/domain/review.js";
import { onCadenceText, removedRep, teamReview, teamRow } from "../../src/domain/team-review.js";
import { session, stored } from "../history.js";

const PERIOD: Period = { from: "2026-08-24", to: "2026-11-22" };
const rep = (id: string, added = "2026-06-01"): ReviewedRep => ({
  id,
  name: id,
  goals: [],
  added,
  focus_stage: null,
  profile: true,
});
const row = (id: string, records: Parameters<typeof stored>[0], added?: string) =>
  teamRow(summarizeRep(DEFAULT_CONFIG, rep(id, added), stored(records), PERIOD));

describe("the team view", () => {
  it("puts overdue reps first, the longest uncoached first, and counts who is on cadence", () => {
    const rows = [
      row("ann", [session("ann", "2026-11-20")]),
      row("bob", [session("bob", "2026-10-01")]),
      row("cat", []),
      row("dan", [session("dan", "2026-11-01")]),
      row("eve", [], "2026-11-22"), // added today: not overdue yet
    ];
    const team = teamReview(PERIOD, rows, []);
    expect(team.reps.map((r) => [r.rep, r.overdue, r.days_since])).toEqual([
      ["cat", true, null],
      ["bob", true, 52],
      ["dan", true, 21],
      ["eve", false, null], // never coached, though not due yet
      ["ann", false, 2],
    ]);
    // Eve is not yet due: she counts neither way, and is said apart.
    expect(team.on_cadence).toEqual({ reps: 1, of: 4, share: 0.25, not_yet_due: 1 });
    expect(onCadenceText(team.on_cadence)).toEqual({
      lead: "1 of 4 reps coached on cadence",
      rest: "25%; 1 new rep not yet due for a 1:1",
    });
    // A team of new reps only: nothing to share yet.
    const fresh = teamReview(PERIOD, [row("eve", [], "2026-11-22")], []);
    expect(fresh.on_cadence).toEqual({ reps: 0, of: 0, share: null, not_yet_due: 1 });
    expect(onCadenceText(fresh.on_cadence)).toEqual({ lead: "1 new rep not yet due for a 1:1", rest: "" });
  });

  it("sums up skill trends: more rising than falling is up", () => {
    const rising = row("ann", [
      session("ann", "2026-09-01", {
        ratings: { "active-listening": 2, "open-questions": 3, "objection-handling": 4 },
      }),
      session("ann", "2026-11-01", {
        ratings: { "active-listening": 4, "open-questions": 4, "objection-handling": 3 },
      }),
    ]);
    expect(rising).toMatchObject({ skill_trend: "up", average_ratings: [3, 3.7] });
    expect(row("bob", [session("bob", "2026-11-01", { ratings: { "active-listening": 2 } })]).skill_trend).toBeNull();
  });

  it("counts every open commitment of a removed rep, however old", () => {
    const records = [
      session("old", "2026-05-01", { actions: [{ due: "2026-05-10" }] }),
      session("old", "2026-09-01", { actions: [{ due: "2026-09-10" }, { status: "done", closed_on: "2026-09-02" }] }),
    ];
    const summary = summarizeRep(DEFAULT_CONFIG, byIdOnly("old", false), stored(records), PERIOD);
    expect(removedRep(summary, 2, "2026-09-01")).toEqual({
      rep: "old",
      records: 2,
      last_record: "2026-09-01",
      held: 1,
      open_actions: 2,
    });
  });
});
