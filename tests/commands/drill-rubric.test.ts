import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseRecord } from "../../src/store/record-file.js";
import { coach, read, recordFiles, tempDir, writeFile } from "../helpers.js";

async function workspaceWith(...names: string[]): Promise<string> {
  const workspace = tempDir();
  for (const name of names) expect((await coach(["rep", "add", name], { workspace })).code).toBe(0);
  return workspace;
}

function drillsOf(workspace: string, rep: string) {
  return recordFiles(workspace, rep).map((file) => {
    const parsed = parseRecord(read(file), file);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.value;
  });
}

const OBJECTIONS = ["--template", "drill-objection-handling", "--answers"];

describe("drill rubrics as checklists, from an answers file", () => {
  it("met: the indexes ticked give the computed score, and both are stored", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const answers = writeFile(
      join(workspace, "a.yaml"),
      stringify({ rounds: [{ met: [0, 2] }, { met: [1, 2] }, { score: 3 }] }),
    );
    const result = await coach(["drill", "alex-kim", ...OBJECTIONS, answers], { workspace });
    expect(result.code, result.stderr).toBe(0);
    // 2 of 4 with the must item: 3; 2 of 3 without it: capped at 2; a plain score still works
    expect(result.stdout).toContain("alex-kim  scores 3 2 3");
    const [drill] = drillsOf(workspace, "alex-kim");
    expect(drill!.record.rounds!.map((r) => [r.score, r.met])).toEqual([
      [3, [0, 2]],
      [2, [1, 2]],
      [3, undefined],
    ]);
    expect(drill!.body).toContain("**Score:** 2 of 5 (2 of 3 items; a must-have item missed, so at most 2)");
  });

  it("a clinic takes met per rep", async () => {
    const workspace = await workspaceWith("Alex Kim", "Sam Lee");
    const rounds = [0, 1, 2].map(() => ({ met: { "alex-kim": [0], "sam-lee": [0, 1, 2] } }));
    const answers = writeFile(join(workspace, "a.yaml"), stringify({ rounds }));
    const result = await coach(["drill", "alex-kim", "sam-lee", ...OBJECTIONS, answers], { workspace });
    expect(result.code, result.stderr).toBe(0);
    expect(drillsOf(workspace, "alex-kim")[0]!.record.rounds!.map((r) => r.score)).toEqual([2, 2, 2]);
    expect(drillsOf(workspace, "sam-lee")[0]!.record.rounds!.map((r) => r.score)).toEqual([4, 5, 5]);
  });

  it("refuses an index that is not an item, and met together with score, naming the round", async () => {
    const workspace = await workspaceWith("Alex Kim");
    const outOfRange = writeFile(join(workspace, "bad.yaml"), stringify({ rounds: [{ met: [4] }] }));
    const bad = await coach(["drill", "alex-kim", ...OBJECTIONS, outOfRange], { workspace });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("round-1: met: 4 is not an item of this round; give indexes from 0 to 3");
    const both = writeFile(join(workspace, "both.yaml"), stringify({ rounds: [{ met: [0], score: 4 }] }));
    const twice = await coach(["drill", "alex-kim", ...OBJECTIONS, both], { workspace });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("round-1: give met (the items ticked) or score, not both");
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });

  it("refuses an item ticked twice at its line, with the list to give instead, and writes nothing", async () => {
    const workspace = await workspaceWith("Alex Kim", "Sam Lee");
    const answers = writeFile(join(workspace, "twice.yaml"), "rounds:\n  - met: [2, 0, 2]\n");
    const result = await coach(["drill", "alex-kim", ...OBJECTIONS, answers], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      `error: ${answers}:2:17: rounds.0.met.2: item 2 is ticked more than once; give each item once: [2, 0]; ` +
        "an answers file maps question ids to answers",
    ]);
    const clinic = writeFile(join(workspace, "clinic.yaml"), "rounds:\n  - met: { sam-lee: [1, 1] }\n");
    const inClinic = await coach(["drill", "alex-kim", "sam-lee", ...OBJECTIONS, clinic], { workspace });
    expect(inClinic.code).toBe(2);
    expect(inClinic.stderr).toContain(`${clinic}:2:25: rounds.0.met.sam-lee.1: item 1 is ticked more than once`);
    expect([...recordFiles(workspace, "alex-kim"), ...recordFiles(workspace, "sam-lee")]).toEqual([]);
  });
});
