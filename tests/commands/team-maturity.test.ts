import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addDaysIso } from "../../src/domain/dates.js";
import { coach, TODAY, tempDir } from "../helpers.js";
import { drill, repProfile, session, writeHistory } from "../history.js";

/** Two reps over four weeks: weekly stage 1:1s and drills, one mindset 1:1, commitments mostly on time. */
function formalTeam(): string {
  const root = tempDir();
  const weeks = [0, 7, 14, 21].map((back) => addDaysIso(TODAY, -back - 1));
  const records = ["ann-bo", "cy-do"].flatMap((rep) =>
    weeks.flatMap((date, i) => [
      {
        ...session(rep, date, {
          stage: "discovery",
          actions: [{ due: addDaysIso(date, 3), status: i === 3 ? "open" : "done", closed_on: addDaysIso(date, 2) }],
        }),
        focus: "skillset" as const,
      },
      drill(rep, date, "active-listening", [3]),
    ]),
  );
  const mindset = {
    ...session("ann-bo", addDaysIso(TODAY, -2)),
    template: "session-mindset",
    focus: "mindset" as const,
  };
  writeHistory(
    root,
    [repProfile("ann-bo", { added: "2026-06-01" }), repProfile("cy-do", { added: "2026-06-01" })],
    [...records, mindset],
  );
  return root;
}

describe("the team's coaching maturity in coach review --team", () => {
  it("places the team with the evidence in the JSON", async () => {
    const root = formalTeam();
    const result = await coach(["review", "--team", "--since", "28d", "--json"], { workspace: root });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).maturity).toEqual({
      level: "formal",
      // 8 of 9 1:1s on a stage template; the drills name no focus: 1 mindset 1:1 of 9.
      evidence: { on_cadence: 1, stage_keyed: 0.89, drills_weekly: 1, mindset_share: 0.11, on_time: 0.75 },
    });
  });

  it("names the level, the evidence and what would move the team up, in Markdown and in the terminal", async () => {
    const root = formalTeam();
    const out = join(root, "team.md");
    await coach(["review", "--team", "--since", "28d", "--format", "md", "--out", out], { workspace: root });
    const md = readFileSync(out, "utf8");
    expect(md).toContain("## Coaching maturity: formal");
    expect(md).toContain("| 1:1s keyed to a stage | 89% |");
    expect(md).toContain("| Commitments kept on time | 75% |");
    expect(md).toContain("To reach dynamic: give the mindset at least a third of the coaching (now 11%).");
    const text = (await coach(["review", "--team", "--since", "28d"], { workspace: root })).stdout;
    expect(text).toContain("Coaching maturity: formal");
    expect(text).toMatch(/Mindset's share of the coaching +11%/);
    expect(text).toContain("To reach dynamic: give the mindset at least a third of the coaching (now 11%).");
  });

  it("is ad hoc when most reps are past their cadence", async () => {
    const root = tempDir();
    writeHistory(
      root,
      ["ann-bo", "cy-do", "di-el"].map((id) => repProfile(id, { added: "2026-06-01" })),
      [session("ann-bo", "2026-11-20")],
    );
    const html = join(root, "team.html");
    await coach(["review", "--team", "--format", "html", "--out", html], { workspace: root });
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<h2>Coaching maturity: ad-hoc</h2>");
    expect(page).toContain("To reach informal: coach at least half the reps on cadence (now 33%).");
  });
});

describe("a team whose reps were all added this week", () => {
  it("is not on cadence yet: no share, ad-hoc, and the new reps said apart", async () => {
    const workspace = tempDir();
    for (const name of ["Dana Lee", "Sam Park"])
      expect((await coach(["rep", "add", name], { workspace })).code).toBe(0);
    const text = await coach(["review", "--team"], { workspace });
    expect(text.stdout).toContain("2 new reps not yet due for a 1:1, a 1:1 every 7 days");
    expect(text.stdout).not.toContain("coached on cadence (100%)");
    const json = JSON.parse((await coach(["review", "--team", "--json"], { workspace })).stdout);
    expect(json.on_cadence).toEqual({ reps: 0, of: 0, share: null, not_yet_due: 2 });
    expect(json.maturity).toMatchObject({ level: "ad-hoc", evidence: { on_cadence: null, drills_weekly: null } });
    // Nothing is claimed that nothing shows: no "under half the reps", no 0% of reps drilling.
    expect(text.stdout).toContain("Coaching maturity: ad-hoc, nothing to measure yet, as no rep is due for a 1:1");
    expect(text.stdout).toMatch(/Reps drilling in most weeks +nothing to measure yet/);
    const md = (await coach(["review", "--team", "--format", "md"], { workspace })).stdout;
    expect(md).toContain("The team's coaching is **ad-hoc**: nothing to measure yet, as no rep is due for a 1:1.");
  });
});
