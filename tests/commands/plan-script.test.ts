import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { coach, PROSPECTING_PLAN_ANSWERS, read, recordFiles, tempDir, writeFile } from "../helpers.js";

async function workspaceWithRep() {
  const workspace = tempDir();
  const env = { COACH_WORKSPACE: workspace };
  const added = await coach(["rep", "add", "Alex Kim", "--style", "driver", "--goal", "Make senior AE"], { env });
  expect(added).toMatchObject({ code: 0, stdout: "" });
  return { workspace, env };
}

describe("coach plan, as a script runs it (no terminal)", () => {
  it("writes a readable plan from an answers file and reports it as JSON", async () => {
    const { workspace, env } = await workspaceWithRep();
    const answers = writeFile(join(workspace, "prep.yaml"), stringify(PROSPECTING_PLAN_ANSWERS));
    const result = await coach(["plan", "alex-kim", "--answers", answers, "--json"], { env });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [file] = recordFiles(workspace, "alex-kim");
    expect(JSON.parse(result.stdout)).toEqual({
      written: [file],
      id: expect.stringMatching(/^2026-11-22-plan-prospecting-[a-z0-9]{4}$/),
    });
    const text = read(file!);
    expect(text).toMatch(/^---\nschema: coach\/record@1\n/);
    expect(text).toContain("## Adapting to Alex Kim (driver)");
    expect(text).toContain("- Make senior AE");
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(statSync(join(workspace, "reps", "alex-kim", "records")).mode & 0o777).toBe(0o700);
  });

  it("turns the manager's own doubts into cautions before the 1:1", async () => {
    const { workspace, env } = await workspaceWithRep();
    const answers = stringify({ ...PROSPECTING_PLAN_ANSWERS, self_time: false, self_hands_off: "no" });
    expect((await coach(["plan", "alex-kim", "--answers", "-"], { env, stdin: answers })).code).toBe(0);
    const text = read(recordFiles(workspace, "alex-kim")[0]!);
    expect(text).toMatch(
      /## Before you start\n\n- Taking over the deal is heroic coaching, .*\n- The time is not protected; .*\n/,
    );
  });

  it("reads answers from stdin with --answers -, and back-dates with --date", async () => {
    const { workspace, env } = await workspaceWithRep();
    const result = await coach(["plan", "alex-kim", "--answers", "-", "--date", "2026-11-20", "-q"], {
      env,
      stdin: stringify(PROSPECTING_PLAN_ANSWERS),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(recordFiles(workspace, "alex-kim")[0]).toMatch(/2026-11-20-plan-prospecting-\w+\.md$/);
  });

  it("without a terminal and without answers: exit 2 listing every missing answer", async () => {
    const { workspace, env } = await workspaceWithRep();
    const result = await coach(["plan", "alex-kim"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: missing answers: self_coaching_works, self_can_coach, self_integrity, self_believe, self_ask, self_hands_off, self_time, self_expectation, outcome, gate_evidence, observed, opening_question; answer them in a terminal, or give them with --answers FILE\n",
    );
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });

  it("gives a script what it needs to write the missing answers (--json)", async () => {
    const { env } = await workspaceWithRep();
    const result = await coach(["plan", "alex-kim", "--json", "--stage", "discovery"], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const { error } = JSON.parse(result.stderr);
    expect(error.code).toBe("missing_answers");
    expect(error.message).toMatch(/^missing answers: self_coaching_works, /);
    expect(error.missing[0]).toEqual({ id: "self_coaching_works", type: "confirm", prompt: expect.any(String) });
    expect(error.missing.map((m: { id: string }) => m.id)).toContain("gate_evidence");
  });

  it.each([
    [["plan", "alx"], "error: no rep 'alx'; did you mean 'alex-kim'? See `coach rep list`\n"],
    [
      ["plan", "../etc"],
      "error: rep '../etc' cannot contain '/' or '\\'; use letters, digits and dashes, e.g. alex-kim\n",
    ],
    [["plan", "alex-kim", "--stage", "closng"], "error: no stage 'closng'; did you mean 'closing'?\n"],
    [
      ["plan", "alex-kim", "--template", "plan-discovry"],
      "error: no template 'plan-discovry'; did you mean 'plan-discovery'? See `coach templates list --kind plan`\n",
    ],
    [
      ["plan", "alex-kim", "--template", "session-discovery"],
      "error: template 'session-discovery' is a session template, not a plan one; see `coach templates list --kind plan`\n",
    ],
    [
      ["plan", "alex-kim", "--date", "2026-13-01"],
      "error: --date: not a real calendar date; see the command's --help\n",
    ],
    [
      ["plan", "alex-kim", "--answers", "nope.yaml"],
      "error: cannot read answers file nope.yaml: ENOENT; check the path\n",
    ],
    [["plan"], "error: which rep? give a rep id or name; e.g. `coach plan alex-kim`; see `coach rep list`\n"],
  ])("bad input %j: one clear line, exit 2", async (argv, message) => {
    const { workspace, env } = await workspaceWithRep();
    const result = await coach(argv, { env, cwd: workspace });
    expect(result).toEqual({ code: 2, stdout: "", stderr: message });
  });

  it("rejects an answer that fails its question's check, naming the file and question", async () => {
    const { workspace, env } = await workspaceWithRep();
    const answers = writeFile(
      join(workspace, "prep.yaml"),
      stringify({ ...PROSPECTING_PLAN_ANSWERS, self_believe: "perhaps" }),
    );
    const result = await coach(["plan", "alex-kim", "--answers", answers], { env });
    expect(result).toMatchObject({
      code: 2,
      stderr: `error: ${answers}: answer 'self_believe': expected yes or no; fix the answer and run again\n`,
    });
  });

  it("reports a broken answers file at its line and column", async () => {
    const { workspace, env } = await workspaceWithRep();
    const answers = writeFile(join(workspace, "prep.yaml"), "outcome: fine\nobserved: [unclosed\n");
    const result = await coach(["plan", "alex-kim", "--answers", answers], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^error: ${answers}:\\d+:\\d+: `));
    expect(readdirSync(join(workspace, "reps", "alex-kim"))).toEqual(["rep.yaml"]);
  });
});
