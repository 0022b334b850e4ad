import { describe, expect, it } from "vitest";
import {
  actionRow,
  checklistLine,
  closeInRecordText,
  describeStatus,
  markHeldInPlanText,
  renderChecklist,
  selectActions,
  tickChecklistLine,
  uniqueActionId,
  withActionClosed,
} from "../../src/domain/actions.js";
import { withEventsApplied } from "../../src/domain/closing.js";
import { inKeyOrderOf } from "../../src/domain/front-matter.js";
import {
  type Action,
  type CoachRecord,
  type LoadedRecord,
  RECORD_SCHEMA,
  type StoredRecord,
} from "../../src/domain/record.js";
import { joinFrontMatter } from "../../src/domain/to-yaml.js";

const today = "2026-11-22";

function action(id: string, extra: Partial<Action> = {}): Action {
  return { id, text: `Task ${id}`, owner: "rep", due: null, status: "open", closed_on: null, ...extra };
}

function stored(date: string, actions: Action[], extra: Partial<CoachRecord> = {}): LoadedRecord {
  const id = `${date}-session-discovery-${actions[0]?.id.slice(0, 4) ?? "none"}`;
  return {
    path: `reps/alex-kim/records/${id}.md`,
    record: {
      schema: RECORD_SCHEMA,
      id,
      type: "session",
      rep: "alex-kim",
      date,
      status: "completed",
      actions,
      ...extra,
    },
  };
}

describe("checklist lines", () => {
  it("show the id, text, owner and due date; closed ones are ticked and say when", () => {
    expect(checklistLine(action("k7m2qx", { text: "Send the recap to Acme", due: "2026-11-27" }))).toBe(
      "- [ ] `k7m2qx` Send the recap to Acme (rep, due 2026-11-27)",
    );
    expect(checklistLine(action("k7m2qx", { owner: "manager" }))).toBe(
      "- [ ] `k7m2qx` Task k7m2qx (manager, no due date)",
    );
    expect(checklistLine(action("k7m2qx", { status: "done", closed_on: "2026-11-25" }))).toBe(
      "- [x] `k7m2qx` Task k7m2qx (rep, no due date) (done 2026-11-25)",
    );
    expect(checklistLine(action("k7m2qx", { status: "dropped", closed_on: "2026-11-25" }))).toMatch(
      /^- \[-\] .*\(dropped 2026-11-25\)$/,
    );
  });

  it("keep a multi-line commitment on one line", () => {
    expect(checklistLine(action("k7m2qx", { text: "Call Acme\n  then Beta" }))).toBe(
      "- [ ] `k7m2qx` Call Acme then Beta (rep, no due date)",
    );
  });

  it("are separated by blank lines, so closing two of them changes lines that do not touch", () => {
    expect(renderChecklist([action("aaaa11"), action("bbbb22")])).toBe(
      "- [ ] `aaaa11` Task aaaa11 (rep, no due date)\n\n- [ ] `bbbb22` Task bbbb22 (rep, no due date)",
    );
  });
});

describe("tickChecklistLine", () => {
  const body =
    "\n# Session\n\nMy own notes: call `bbbb22` later.\n\n- [ ] `aaaa11` Task aaaa11 (rep, no due date) -- edited by me\n\n- [ ] `bbbb22` Task bbbb22 (rep, no due date)\n\nMore notes.\n";

  it("ticks only that action's line and keeps everything else a person wrote", () => {
    const ticked = tickChecklistLine(body, action("aaaa11", { status: "done", closed_on: "2026-11-25" }));
    expect(ticked).toBe(
      body.replace(
        "- [ ] `aaaa11` Task aaaa11 (rep, no due date) -- edited by me",
        "- [x] `aaaa11` Task aaaa11 (rep, no due date) -- edited by me (done 2026-11-25)",
      ),
    );
  });

  it("keeps Windows line endings", () => {
    const crlf = body.replace(/\n/g, "\r\n");
    const ticked = tickChecklistLine(crlf, action("bbbb22", { status: "dropped", closed_on: "2026-11-25" }));
    expect(ticked).toContain("- [-] `bbbb22` Task bbbb22 (rep, no due date) (dropped 2026-11-25)\r\n");
    expect(ticked.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("does not add a second note to a line a person already ticked and noted", () => {
    const noted = "- [x] `aaaa11` Task (done 2026-11-20)\n";
    expect(tickChecklistLine(noted, action("aaaa11", { status: "done", closed_on: "2026-11-25" }))).toBe(noted);
  });

  it("leaves a body without the line unchanged", () => {
    expect(tickChecklistLine("\nJust notes.\n", action("aaaa11", { status: "done", closed_on: "2026-11-25" }))).toBe(
      "\nJust notes.\n",
    );
  });
});

describe("closing an action in its record", () => {
  it("changes that action only", () => {
    const record = stored("2026-11-10", [action("aaaa11"), action("bbbb22")]).record;
    const closed = withActionClosed(record, "bbbb22", "dropped", "2026-11-20");
    expect(closed.actions).toEqual([
      action("aaaa11"),
      action("bbbb22", { status: "dropped", closed_on: "2026-11-20" }),
    ]);
    expect(record.actions![1]!.status).toBe("open");
  });

  it("two people closing two different actions change front-matter lines that do not touch", () => {
    const record = stored("2026-11-10", [
      action("aaaa11", { due: "2026-11-27" }),
      action("bbbb22", { due: "2026-12-06" }),
    ]).record;
    const base = joinFrontMatter(record, "").split("\n");
    const changedLines = (next: CoachRecord) =>
      joinFrontMatter(next, "")
        .split("\n")
        .flatMap((line, i) => (line === base[i] ? [] : [i]));
    const mine = changedLines(withActionClosed(record, "aaaa11", "done", "2026-11-20"));
    const theirs = changedLines(withActionClosed(record, "bbbb22", "done", "2026-11-21"));
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    // git merges two edits cleanly when at least one unchanged line lies between them.
    expect(Math.min(...theirs) - Math.max(...mine)).toBeGreaterThan(1);
  });
});

describe("selectActions", () => {
  const records = [
    stored("2026-11-01", [
      action("old001", { due: "2026-11-10" }),
      action("done01", { status: "done", closed_on: "2026-11-05" }),
    ]),
    stored("2026-11-15", [action("new001", { due: "2026-11-30" }), action("nodue1")]),
    stored("2026-11-16", [action("drop01", { status: "dropped", closed_on: "2026-11-18" })]),
    stored("2026-11-20", [action("draft1", { due: "2026-11-01" })], { status: "draft" }),
  ];

  it("open: overdue first, then by due date, undated last; drafts never count", () => {
    expect(selectActions(records, "open", today).map((t) => t.action.id)).toEqual(["old001", "new001", "nodue1"]);
  });

  it("overdue: only open ones past their due date", () => {
    expect(selectActions(records, "overdue", today).map((t) => t.action.id)).toEqual(["old001"]);
  });

  it("all: open ones, then closed ones latest first", () => {
    expect(selectActions(records, "all", today).map((t) => t.action.id)).toEqual([
      "old001",
      "new001",
      "nodue1",
      "drop01",
      "done01",
    ]);
  });

  it("rows carry the rep and the record that made the action", () => {
    const [row] = selectActions(records, "overdue", today).map(actionRow);
    expect(row).toEqual({
      id: "old001",
      rep: "alex-kim",
      text: "Task old001",
      owner: "rep",
      due: "2026-11-10",
      status: "open",
      closed_on: null,
      record: records[0]!.record.id,
    });
  });
});

describe("describeStatus", () => {
  it.each([
    [action("a1a1a1"), "open"],
    [action("a1a1a1", { due: "2026-11-21" }), "overdue 1 day"],
    [action("a1a1a1", { due: "2026-11-12" }), "overdue 10 days"],
    [action("a1a1a1", { due: "2026-11-22" }), "open"],
    [action("a1a1a1", { status: "done", closed_on: "2026-11-20" }), "done 2026-11-20"],
  ])("%j -> %s", (given, expected) => {
    expect(describeStatus(given, today)).toBe(expected);
  });
});

describe("uniqueActionId", () => {
  it("skips ids already taken, and takes the new one", () => {
    const taken = new Set(["aaaaaa"]);
    const draws = ["aaaaaa", "aaaaaa", "bbbbbb"];
    expect(uniqueActionId(taken, () => draws.shift()!)).toBe("bbbbbb");
    expect(taken.has("bbbbbb")).toBe(true);
  });
});

describe("inKeyOrderOf", () => {
  it("puts keys in the order of the file they came from, at every depth; new keys last", () => {
    const value = { a: 1, b: [{ x: 1, y: 2 }], c: 3, d: 4 };
    const like = { c: 0, b: [{ y: 0, x: 0 }], a: 0 };
    const ordered = inKeyOrderOf(value, like);
    expect(JSON.stringify(ordered)).toBe('{"c":3,"b":[{"y":2,"x":1}],"a":1,"d":4}');
  });
});

describe("an action's status comes from its events, not from rewriting its record", () => {
  const made = stored("2026-11-01", [action("aaaa11", { due: "2026-11-10" }), action("bbbb22")]);
  const closeNote = (date: string, id: string, status: "done" | "dropped" | "open", extra = {}): StoredRecord => ({
    path: `reps/alex-kim/records/${date}-note-close-${id}.md`,
    record: {
      schema: RECORD_SCHEMA,
      id: `${date}-note-close-${id}`,
      type: "note",
      rep: "alex-kim",
      date,
      status: "completed",
      follow_ups: [{ action: id, status, ...extra }],
    },
  });
  const statusOf = (records: StoredRecord[], id: string) =>
    selectActions(records, "all", today).find((t) => t.action.id === id)!.action;

  it("a close note or a session's follow-up closes the action on its own date", () => {
    const records = [made, closeNote("2026-11-05", "aaaa11", "done")];
    expect(statusOf(records, "aaaa11")).toMatchObject({ status: "done", closed_on: "2026-11-05" });
    expect(statusOf(records, "bbbb22")).toMatchObject({ status: "open", closed_on: null });
    expect(selectActions(records, "open", today).map((t) => t.action.id)).toEqual(["bbbb22"]);
  });

  it("the earliest close counts, whatever order the records come in, and a later 'not yet' does not reopen it", () => {
    const later = closeNote("2026-11-09", "aaaa11", "dropped");
    const earlier = closeNote("2026-11-06", "aaaa11", "done");
    const notYet = closeNote("2026-11-12", "aaaa11", "open");
    for (const records of [
      [made, later, earlier, notYet],
      [notYet, earlier, made, later],
    ])
      expect(statusOf(records, "aaaa11")).toMatchObject({ status: "done", closed_on: "2026-11-06" });
  });

  it("a draft says nothing yet; an 'open' follow-up with a due date reschedules", () => {
    const draft = closeNote("2026-11-05", "aaaa11", "done");
    draft.record.status = "draft";
    expect(statusOf([made, draft], "aaaa11").status).toBe("open");
    const moved = closeNote("2026-11-08", "aaaa11", "open", { due: "2026-12-01" });
    expect(statusOf([made, moved], "aaaa11")).toMatchObject({ status: "open", due: "2026-12-01" });
  });

  it("a plan a completed session followed reads as held, without rewriting the plan", () => {
    const plan = stored("2026-11-01", [], { id: "2026-11-01-plan-discovery-pppp", type: "plan", status: "planned" });
    const session = stored("2026-11-02", [], { id: "2026-11-02-session-discovery-ssss", plan: plan.record.id });
    const [read] = withEventsApplied([plan, session]);
    expect(read!.record).toMatchObject({ status: "completed", held_in: session.record.id });
    expect(plan.record.status).toBe("planned");
  });
});

describe("closing in a record's own text", () => {
  const record = stored("2026-11-10", [action("aaaa11", { due: "2026-11-27" }), action("bbbb22")]).record;
  const text = joinFrontMatter(record, `\n# Session\n\n${renderChecklist(record.actions!)}\n\nMy notes.\n`);
  const done = action("aaaa11", { due: "2026-11-27", status: "done", closed_on: "2026-11-20" });

  it("changes only that action's status, closed_on and checklist lines", () => {
    const after = closeInRecordText(text, [done]);
    const changed = after.split("\n").filter((line, i) => line !== text.split("\n")[i]);
    expect(changed).toEqual([
      "    status: done",
      '    closed_on: "2026-11-20"',
      "- [x] `aaaa11` Task aaaa11 (rep, due 2026-11-27) (done 2026-11-20)",
    ]);
  });

  it("keeps CRLF line endings and a BOM byte for byte", () => {
    const crlf = `\uFEFF${text.replace(/\n/g, "\r\n")}`;
    const after = closeInRecordText(crlf, [done]);
    expect(after.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(after.match(/\r\n/g)!.length).toBe(crlf.match(/\r\n/g)!.length);
    expect(after.replace(/\r\n/g, "").includes("\n")).toBe(false);
    expect(after).toContain("    status: done\r\n");
    expect(after).toContain("(done 2026-11-20)\r\n");
  });

  it("marks a plan held on its status and held_in lines alone", () => {
    const plan = joinFrontMatter({ ...record, type: "plan", status: "planned", held_in: null }, "\nPlan.\n");
    const after = markHeldInPlanText(plan, "2026-11-12-session-discovery-ssss");
    const changed = after.split("\n").filter((line, i) => line !== plan.split("\n")[i]);
    expect(changed).toEqual(["status: completed", "held_in: 2026-11-12-session-discovery-ssss"]);
  });
});
