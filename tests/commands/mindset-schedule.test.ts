import { describe, expect, it } from "vitest";
import { coach, PROSPECTING_PLAN_ANSWERS, read, recordFiles, tempDir, writtenRecord } from "../helpers.js";
import { drill, repProfile, session, writeHistory } from "../history.js";
import { answersFile, holdSession, workspaceWithRep } from "../session-fixtures.js";

/** TODAY is 2026-11-22 (a Sunday); the week's routine runs to 2026-11-28. */
function workspaceWith(records: ReturnType<typeof session>[]): string {
  const root = tempDir();
  writeHistory(root, [repProfile("alex-kim", { added: "2026-11-01" })], records);
  return root;
}

async function week(workspace: string) {
  const result = await coach(["drill", "--week", "--json"], { workspace });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { items: { rep: string; skill: string; due: string; last_score: number }[] };
}

describe("mindset in the schedule and the focus", () => {
  it("puts a core skill in a new rep's first week of drills", async () => {
    const { items } = await week(workspaceWith([]));
    expect(items.map((i) => i.skill)).toContain("self-talk");
  });

  it("a 1:1 rating of 2 makes that skill's drill due within 3 days of the session", async () => {
    const workspace = workspaceWith([
      // a 5 in the drill would wait 28 days, to 2026-11-29, past this week
      drill("alex-kim", "2026-11-01", "asking-for-commitment", [5]),
      session("alex-kim", "2026-11-20", { ratings: { "asking-for-commitment": 2 } }),
    ]);
    const { items } = await week(workspace);
    expect(items).toContainEqual(expect.objectContaining({ skill: "asking-for-commitment", due: "2026-11-23" }));
  });

  it("low self-talk makes the mindset session the next plan's focus, with the reason", async () => {
    const workspace = workspaceWith([
      session("alex-kim", "2026-11-15", { stage: "prospecting", ratings: { "self-talk": 1, "opening-statement": 4 } }),
    ]);
    const answers = answersFile(workspace, PROSPECTING_PLAN_ANSWERS);
    const result = await coach(["plan", "alex-kim", "--answers", answers], { workspace });
    expect(result.code).toBe(0);
    expect(writtenRecord(result)).toContain("self-talk rated 1 on 2026-11-15: the mindset session comes first");
    const plan = recordFiles(workspace, "alex-kim").find((f) => f.includes("-plan-"))!;
    expect(read(plan)).toContain("session_template: session-mindset");
    // --stage is the manager's choice and wins
    const chosen = await coach(["plan", "alex-kim", "--stage", "prospecting", "--answers", answers], { workspace });
    expect(chosen.stdout).not.toContain("mindset session comes first");
  });
});

describe("closing the loop in the next plan", () => {
  it("shows the last 1:1's goal, way forward and ratings", async () => {
    const workspace = await workspaceWithRep();
    await holdSession(workspace, {}, ["--date", "2026-11-20"]);
    const answers = answersFile(workspace, { ...PROSPECTING_PLAN_ANSWERS, self_integrity: false });
    const result = await coach(["plan", "alex-kim", "--answers", answers], { workspace });
    expect(result.code).toBe(0);
    // the self-check keeps the beliefs answered no, for the review to trend
    const planFile = recordFiles(workspace, "alex-kim").find((f) => f.includes("-plan-"))!;
    expect(read(planFile)).toMatch(/self_check:\n {2}doubts:\n {4}- self_integrity\n/);
    const review = JSON.parse((await coach(["--json", "review", "alex-kim"], { workspace })).stdout);
    expect(review.self_check).toEqual({ asked: 1, doubts: [{ question: "self_integrity", times: 1 }] });
    expect(writtenRecord(result)).toContain(
      'Last 1:1 (2026-11-20): goal "More first meetings", way forward "Try the quarter opening with five prospects", ratings opening-statement 2, pre-call-planning 4.',
    );
  });
});
