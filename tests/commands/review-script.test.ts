import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, tempDir } from "../helpers.js";
import { drill, note, repProfile, session, writeHistory } from "../history.js";

function history() {
  const workspace = tempDir();
  const paths = writeHistory(
    workspace,
    [
      repProfile("alex-kim", { goals: ["Make senior AE"], added: "2026-06-01" }),
      repProfile("sam-poe", { added: "2026-06-01" }),
    ],
    [
      session("alex-kim", "2026-09-01", {
        ratings: { "active-listening": 2 },
        actions: [{ id: "done001", due: "2026-09-08", status: "done", closed_on: "2026-09-10" }],
      }),
      session("alex-kim", "2026-11-20", { stage: "negotiation", ratings: { "active-listening": 4 } }),
      note("alex-kim", "2026-11-02", { id: "late001", text: "Send the recap", due: "2026-11-09" }),
      drill("alex-kim", "2026-11-03", "objection-handling", [2, 4]),
      session("sam-poe", "2026-09-30", { kind: "performance" }),
    ],
  );
  return { workspace, paths, env: { COACH_WORKSPACE: workspace } };
}

describe("coach review, as a script runs it (no terminal)", () => {
  it("gives the same JSON from a fresh index, a warm one and a rebuilt one", async () => {
    const { workspace, env } = history();
    const cold = await coach(["review", "alex-kim", "--json"], { env });
    expect(cold).toMatchObject({ code: 0, stderr: "" });
    // One rep's review reads that rep's shard alone (and coach.yaml, kept beside the shards).
    expect(readdirSync(join(workspace, ".coach", "index")).sort()).toEqual(["_coach.yaml.json", "alex-kim.json"]);
    const json = JSON.parse(cold.stdout);
    expect(json).toMatchObject({
      cadence: { expected: 13, held: 2, longest_gap_days: 80, last_session: "2026-11-20", overdue: false },
      actions: { made: 2, done: 1, done_on_time: 0, open: 1, overdue: 1 },
      skills: [{ skill: "active-listening", first: 2, last: 4, trend: "up" }],
      drills: { held: 1, average_score: 3 },
    });
    const warm = await coach(["review", "alex-kim", "--json"], { env });
    expect(warm.stdout).toBe(cold.stdout);
    writeFileSync(join(workspace, ".coach", "index", "alex-kim.json"), "{ damaged");
    expect((await coach(["review", "alex-kim", "--json"], { env })).stdout).toBe(cold.stdout);
    rmSync(join(workspace, ".coach"), { recursive: true });
    writeFileSync(join(workspace, ".coach"), "not a folder: the index cannot be written");
    const unwritable = await coach(["review", "alex-kim", "--json"], { env });
    expect(unwritable).toMatchObject({ code: 0, stderr: "", stdout: cold.stdout });
  });

  it("warns about a hand-broken record with file:line:col, skips it and counts it", async () => {
    const { workspace, env, paths } = history();
    const file = join(workspace, paths[1]!);
    writeFileSync(file, readFileSync(file, "utf8").replace("active-listening: 4", "active-listening: 7"));
    const result = await coach(["review", "alex-kim"], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `^warning: skipped a broken record: ${paths[1]}:\\d+:\\d+: ratings\\.active-listening: must be at most 5\\n$`,
      ),
    );
    expect(result.stdout).toContain("held 1 of 13 expected");
    expect(result.stdout).toContain("Skipped 1 broken record");
  });

  it("writes into /dev/null or a pipe rather than replacing it, and refuses a folder", async () => {
    const { workspace, env } = history();
    expect(await coach(["review", "alex-kim", "--format", "md", "--out", "/dev/null"], { env })).toMatchObject({
      code: 0,
    });
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(await coach(["review", "alex-kim", "--out", workspace], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: --out: ${workspace} is a folder; give a file name, e.g. --out review.md\n`,
    });
  });

  it("refuses to write a report over coach's own files, through a symlink too, leaving them as they were", async () => {
    const { workspace, env } = history();
    const profile = join(workspace, "reps", "alex-kim", "rep.yaml");
    const before = readFileSync(profile, "utf8");
    const config = readFileSync(join(workspace, "coach.yaml"), "utf8");
    symlinkSync(join(workspace, "reps", "alex-kim"), join(workspace, "alex"));
    for (const [argv, own] of [
      [["review", "alex-kim", "--format", "md", "--out", profile], "reps/alex-kim/rep.yaml"],
      [["review", "--team", "--format", "csv", "--out", join(workspace, "coach.yaml")], "coach.yaml"],
      [["calendar", "--out", join(workspace, "alex", "rep.yaml")], "reps/alex-kim/rep.yaml"],
      [
        ["actions", "alex-kim", "--format", "md", "--out", join(workspace, "templates", "plan.md")],
        "templates/plan.md",
      ],
    ] as const) {
      expect(await coach([...argv], { env }), argv.join(" ")).toEqual({
        code: 2,
        stdout: "",
        stderr: `error: --out: ${own} is among coach's own files (coach.yaml, reps/, templates/, .coach/); write the report anywhere else, e.g. --out review.md\n`,
      });
    }
    expect(readFileSync(profile, "utf8")).toBe(before);
    expect(readFileSync(join(workspace, "coach.yaml"), "utf8")).toBe(config);
    expect(existsSync(join(workspace, "templates", "plan.md"))).toBe(false);
  });

  it("writes the team's Markdown report to a file", async () => {
    const { workspace, env } = history();
    const out = join(workspace, "team.md");
    const result = await coach(["review", "--team", "--format", "md", "--out", out], { env });
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: `Review written to ${out}\n` });
    expect(readFileSync(out, "utf8")).toContain(
      "| Sam Poe (`sam-poe`) | 2026-09-30 | 53 | **yes** | 1 / 13 | 0 | 0 | - |",
    );
    expect(existsSync(join(workspace, ".coach", "index", "sam-poe.json"))).toBe(true);
  });
});
