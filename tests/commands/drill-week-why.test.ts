import { describe, expect, it } from "vitest";
import { coach } from "../helpers.js";
import { holdSession, workspaceWithRep } from "../session-fixtures.js";

describe("drill --week says why a drill was pulled forward", () => {
  it("a 1:1 rating of 2, and the core skill's turn, are named beside the drill; a plain one says nothing more", async () => {
    const workspace = await workspaceWithRep();
    // The prospecting session rates opening-statement 2 and pre-call-planning 4.
    await holdSession(workspace, {}, ["--date", "2026-11-20"]);

    const text = await coach(["drill", "--week"], { workspace });
    expect(text.code, text.stderr).toBe(0);
    const line = (skill: string) => text.stdout.split("\n").find((l) => l.includes(`  ${skill}  `)) ?? "";
    expect(line("opening-statement")).toMatch(/2026-11-2\d.*new\s+rated 2 in the 1:1 of 2026-11-20$/);
    expect(line("self-talk")).toMatch(/a core skill is practised at least every 14 days$/);
    expect(line("pre-call-planning")).toMatch(/new$/);

    const json = JSON.parse((await coach(["--json", "drill", "--week"], { workspace })).stdout) as {
      items: { skill: string; due: string; why?: string }[];
    };
    const bySkill = new Map(json.items.map((item) => [item.skill, item]));
    expect(bySkill.get("opening-statement")).toMatchObject({ why: "rated 2 in the 1:1 of 2026-11-20" });
    expect(bySkill.get("opening-statement")!.due <= "2026-11-23").toBe(true);
    expect(bySkill.get("pre-call-planning")).not.toHaveProperty("why");
  });
});
