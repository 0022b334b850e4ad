import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { coach, tempDir } from "../helpers.js";
import { drill, note, plan, repProfile, session, writeHistory } from "../history.js";

/** Alex: coached, one falling skill, one overdue commitment. Sam: overdue. Jo: never coached. */
function team() {
  const root = tempDir();
  const paths = writeHistory(
    root,
    [
      repProfile("alex-kim", { goals: ["Make senior AE"], added: "2026-06-01" }),
      repProfile("sam-poe", { added: "2026-06-01" }),
      repProfile("jo-ng", { added: "2026-06-01" }),
    ],
    [
      session("alex-kim", "2026-09-01", {
        kind: "training",
        ratings: { "active-listening": 2, "objection-handling": 4 },
        actions: [{ id: "done001", due: "2026-09-08", status: "done", closed_on: "2026-09-07" }],
      }),
      session("alex-kim", "2026-10-27", {
        kind: "performance",
        ratings: { "active-listening": 3, "objection-handling": 3 },
        actions: [{ id: "late001", text: "Send the recap to Acme", due: "2026-11-01" }],
      }),
      session("alex-kim", "2026-11-20", {
        stage: "negotiation",
        ratings: { "active-listening": 4, "objection-handling": 2 },
      }),
      plan("alex-kim", "2026-11-19"),
      session("alex-kim", "2026-11-21", { status: "draft", ratings: { "active-listening": 1 } }),
      drill("alex-kim", "2026-11-01", "objection-handling", [2, 3]),
      note("alex-kim", "2026-11-02", { id: "open001", text: "Book the QBR", due: "2026-11-30" }),
      session("sam-poe", "2026-10-01", { kind: "performance", actions: [{ id: "samlate", due: "2026-10-15" }] }),
      session("sam-poe", "2026-07-01", { kind: "performance" }),
    ],
  );
  return { root, paths };
}

const visibleLines = (text: string) => stripVTControlCharacters(text).split("\n");

describe("coach review <rep>", () => {
  it("prints a report that fits 80 columns, with the figures a manager reads", async () => {
    const { root } = team();
    const result = await coach(["review", "alex-kim"], { workspace: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = result.stdout;
    expect(out).toContain("Alex Kim (alex-kim)");
    expect(out).toContain("Coaching review, 2026-08-24 to 2026-11-22 (91 days)");
    expect(out).toContain("held 3 of 13 expected, longest gap 56 days");
    expect(out).toContain("last 1:1 2026-11-20 (2 days ago), on cadence");
    expect(out).toContain("made 3, done 1 (1 on time), tried 0, dropped 0, open 2, overdue 1");
    expect(out).toMatch(/late001 {2}Send the recap to Acme \(rep, due 2026-11-01\) 21d late/);
    expect(out).toMatch(/active-listening +2 +4 +↑ up +▃▅▆/);
    expect(out).toMatch(/objection-handling +4 +2 +↓ down +▆▅▃/);
    expect(out).toContain("  - Make senior AE");
    expect(out).toMatch(/Next steps\n {2}1\. Follow up the overdue commitment "Send the recap to Acme"/);
    for (const line of visibleLines(out)) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("gives the JSON of DESIGN.md, with --json or --format json alike", async () => {
    const { root } = team();
    const result = await coach(["review", "alex-kim", "--json"], { workspace: root });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      rep: "alex-kim",
      period: { from: "2026-08-24", to: "2026-11-22" },
      cadence: {
        every_days: 7,
        expected: 13,
        held: 3,
        longest_gap_days: 56,
        last_session: "2026-11-20",
        overdue: false,
      },
      actions: { made: 3, done: 1, done_on_time: 1, dropped: 0, open: 2, overdue: 1 },
      stages: { discovery: 2, negotiation: 1 },
      coaching_kinds: { training: 2, performance: 1 },
      drills: { held: 1, average_score: 2.5 },
      goals: ["Make senior AE"],
      skipped: [],
    });
    expect(json.skills[0]).toEqual({
      skill: "active-listening",
      first: 2,
      last: 4,
      trend: "up",
      ratings: [
        { date: "2026-09-01", value: 2 },
        { date: "2026-10-27", value: 3 },
        { date: "2026-11-20", value: 4 },
      ],
    });
    expect(json.next_steps.length).toBeGreaterThanOrEqual(3);
    expect(json.next_steps.length).toBeLessThanOrEqual(5);
    const again = await coach(["review", "alex-kim", "--format", "json"], { workspace: root });
    expect(JSON.parse(again.stdout)).toEqual(json);
  });

  it("writes a Markdown report with a Mermaid chart of each skill over time", async () => {
    const { root } = team();
    const out = join(root, "reports", "alex.md");
    const result = await coach(["review", "alex-kim", "--format", "md", "--out", out], { workspace: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`Review written to ${out}\n`);
    const md = readFileSync(out, "utf8");
    expect(md).toMatch(/^# Coaching review: Alex Kim\n/);
    expect(md).toContain("| 1:1s held | 3 of 13 expected (every 7 days) |");
    expect(md).toContain("| 3 | 1 | 1 | 0 | 0 | 2 | 1 |");
    expect(md).toContain(
      '```mermaid\nxychart-beta\n    title "active-listening"\n    x-axis ["2026-09-01", "2026-10-27", "2026-11-20"]\n    y-axis "Rating" 1 --> 5\n    line [2, 3, 4]\n```',
    );
    expect(md).not.toMatch(/\u001b\[/);
    // One blank line between blocks, as Markdown linters (MD012) expect.
    expect(md).not.toMatch(/\n\n\n/);
  });

  it("covers --since to today, both ends included", async () => {
    const { root } = team();
    const json = JSON.parse(
      (await coach(["review", "alex-kim", "--since", "2026-10-27", "--json"], { workspace: root })).stdout,
    );
    expect(json.period).toEqual({ from: "2026-10-27", to: "2026-11-22" });
    expect(json.cadence).toMatchObject({ held: 2, expected: 3 }); // 27 days
    const short = JSON.parse(
      (await coach(["review", "alex-kim", "--since", "2w", "--json"], { workspace: root })).stdout,
    );
    expect(short.period.from).toBe("2026-11-08");
  });

  it.each([
    [["review", "alex-kim", "--since", "someday"], "error: --since 'someday' is not a date; use YYYY-MM-DD"],
    [["review", "alex-kim", "--since", "2026-12-01"], "error: --since 2026-12-01 is after today (2026-11-22)"],
    [["review", "alx-kim"], "error: no rep 'alx-kim'; did you mean 'alex-kim'?"],
    [["review", "alex-kim", "--format", "pdf"], "error: --format: expected text, md, html, json or csv"],
    [
      ["review", "alex-kim", "--json", "--format", "md"],
      '{"error":{"code":"invalid_option","message":"--json prints JSON; it cannot go with --format md"',
    ],
    [["review", "alex-kim", "--team"], "error: give a rep or --team, not both"],
    // An empty name (a script's unset variable) is a mistake, not a request for the team review.
    [["review", ""], "error: rep '' cannot be empty"],
    [["review", "", "--team"], "error: give a rep or --team, not both"],
  ])("refuses %j with exit 2", async (argv, message) => {
    const { root } = team();
    const result = await coach(argv, { workspace: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it("skips a hand-broken record with a file:line:col warning, and says so", async () => {
    const { root, paths } = team();
    const broken = join(root, paths[1]!);
    writeFileSync(broken, readFileSync(broken, "utf8").replace(/^status: completed$/m, "status: finished"));
    const result = await coach(["review", "alex-kim"], { workspace: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `^warning: skipped a broken record: ${paths[1]}:7:9: status: expected one of planned, completed, draft\\n$`,
      ),
    );
    expect(result.stdout).toContain("held 2 of 13 expected");
    expect(result.stdout).toContain("Skipped 1 broken record (see the warnings)");
    const json = JSON.parse((await coach(["review", "alex-kim", "--json"], { workspace: root })).stdout);
    expect(json.skipped).toEqual([expect.stringContaining(`${paths[1]}:7:9:`)]);
  });

  it("reviews the records of a rep whose profile was removed", async () => {
    const { root } = team();
    renameSync(join(root, "reps", "sam-poe", "rep.yaml"), join(root, "sam-poe.yaml.bak"));
    const result = await coach(["review", "sam-poe", "--json"], { workspace: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("sam-poe has records but no profile");
    expect(JSON.parse(result.stdout)).toMatchObject({ rep: "sam-poe", profile: false, cadence: { held: 1 } });
  });
});

describe("coach review --team", () => {
  it("lists every rep, overdue ones first, with the share coached on cadence", async () => {
    const { root } = team();
    const json = JSON.parse((await coach(["review", "--team", "--json"], { workspace: root })).stdout);
    expect(json.period).toEqual({ from: "2026-08-24", to: "2026-11-22" });
    expect(json.reps.map((r: { rep: string }) => r.rep)).toEqual(["jo-ng", "sam-poe", "alex-kim"]);
    expect(json.reps[0]).toMatchObject({
      rep: "jo-ng",
      last_session: null,
      days_since: null,
      overdue: true,
      held: 0,
      open_actions: 0,
      overdue_actions: 0,
    });
    expect(json.reps[1]).toMatchObject({
      rep: "sam-poe",
      last_session: "2026-10-01",
      days_since: 52,
      overdue: true,
      held: 1,
      open_actions: 1,
      overdue_actions: 1,
    });
    expect(json.reps[2]).toMatchObject({
      rep: "alex-kim",
      last_session: "2026-11-20",
      days_since: 2,
      overdue: false,
      held: 3,
      open_actions: 2,
      overdue_actions: 1,
      skill_trend: "flat",
    });
    expect(json.on_cadence).toEqual({ reps: 1, of: 3, share: 0.33, not_yet_due: 0 });
    expect(json.removed_reps).toEqual([]);
  });

  it("is what `coach review` gives with no rep, in text that fits 80 columns", async () => {
    const { root } = team();
    const result = await coach(["review"], { workspace: root });
    expect(result.code).toBe(0);
    const lines = visibleLines(result.stdout);
    expect(lines[1]).toBe("1 of 3 reps coached on cadence (33%), a 1:1 every 7 days");
    const rows = lines.filter((l) => /^[! ] {2}\S/.test(l)).slice(1);
    expect(rows[0]).toMatch(/^! {2}jo-ng +never +- +0\/13 +0 +0 +-$/);
    expect(rows[1]).toMatch(/^! {2}sam-poe +2026-10-01 +52 +1\/13 +1 +1 +-$/);
    expect(rows[2]).toMatch(/^ {3}alex-kim +2026-11-20 +2 +3\/13 +2 +1 +→ ▅▅▅$/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("reports the records of removed reps instead of losing them", async () => {
    const { root } = team();
    renameSync(join(root, "reps", "sam-poe", "rep.yaml"), join(root, "sam-poe.yaml.bak"));
    const json = JSON.parse((await coach(["review", "--team", "--json"], { workspace: root })).stdout);
    expect(json.reps.map((r: { rep: string }) => r.rep)).toEqual(["jo-ng", "alex-kim"]);
    expect(json.removed_reps).toEqual([
      { rep: "sam-poe", records: 2, last_record: "2026-10-01", held: 1, open_actions: 1 },
    ]);
    const text = (await coach(["review", "--team"], { workspace: root })).stdout;
    expect(text).toContain(
      "Records of reps no longer in the workspace (no rep.yaml):\n  sam-poe: 2 records, last 2026-10-01, 1 open commitment",
    );
  });

  it("writes a Markdown team report", async () => {
    const { root } = team();
    const out = join(root, "team.md");
    const result = await coach(["review", "--team", "--format", "md", "--out", out, "--json"], { workspace: root });
    expect(JSON.parse(result.stdout)).toEqual({ written: [out], id: "team" });
    const md = readFileSync(out, "utf8");
    expect(md).toContain("**1 of 3 reps coached on cadence** (33%; a 1:1 every 7 days).");
    expect(md).toContain("| Sam Poe (`sam-poe`) | 2026-10-01 | 52 | **yes** | 1 / 13 | 1 | 1 | - |");
  });

  it("keeps going past a broken profile and a broken record, and counts what it skipped", async () => {
    const { root, paths } = team();
    writeFileSync(join(root, "reps", "jo-ng", "rep.yaml"), "id: jo-ng\nname: [unclosed\n");
    writeFileSync(join(root, paths[7]!), "no front matter here\n");
    const result = await coach(["review", "--team", "--json"], { workspace: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: could not read jo-ng's profile: reps/jo-ng/rep.yaml:3:1: ");
    expect(result.stderr).toContain(`warning: skipped a broken record: ${paths[7]}:1:1: no front matter`);
    const json = JSON.parse(result.stdout);
    expect(json.skipped).toHaveLength(1);
    expect(json.reps).toHaveLength(3);
  });

  it("works in a workspace with no reps, and creates no index there", async () => {
    const root = tempDir();
    mkdirSync(join(root, "reps"));
    const result = await coach(["review", "--team"], { workspace: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No reps yet.");
    expect(existsSync(join(root, ".coach"))).toBe(false);
  });
});

describe("in a 40-column terminal", () => {
  it("wraps the rep and team reviews and the commitments list at word boundaries", async () => {
    const { root } = team();
    for (const argv of [["review", "alex-kim"], ["review", "--team"], ["actions"]]) {
      const result = await coach(argv, { workspace: root, columns: 40 });
      expect(result.code, argv.join(" ")).toBe(0);
      for (const line of visibleLines(result.stdout))
        expect(line.length, `${argv.join(" ")}: ${line}`).toBeLessThanOrEqual(40);
    }
    const teamReview = (await coach(["review", "--team"], { workspace: root, columns: 40 })).stdout;
    expect(teamReview).toContain("! sam-poe: last 1:1 2026-10-01");
    const actions = (await coach(["actions"], { workspace: root, columns: 40 })).stdout;
    expect(actions.replace(/\s+/g, " ")).toContain("Send the recap to Acme");
  });

  it("keeps each skill's row of the rep review on one line, with shorter names", async () => {
    const { root } = team();
    const lines = visibleLines((await coach(["review", "alex-kim"], { workspace: root, columns: 40 })).stdout);
    const skills = lines.slice(lines.indexOf("Skills  (session ratings, 1-5)") + 1);
    expect(skills[0]).toMatch(/^\s+first {2}last {2}trend$/);
    expect(skills[1]).toMatch(/^ {2}active-listen\S*\s+2\s+4\s+↑ up$/);
    expect(skills[2]).toMatch(/^ {2}objection-hand\S*\s+4\s+2\s+↓ down$/);
  });
});
