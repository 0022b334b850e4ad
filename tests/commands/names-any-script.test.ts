import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, PROSPECTING_PLAN_ANSWERS, recordFiles, tempDir } from "../helpers.js";
import { answersFile, PROSPECTING_SESSION_ANSWERS } from "../session-fixtures.js";

async function workspace(): Promise<string> {
  const dir = tempDir();
  await coach(["init", dir]);
  return dir;
}

describe("names in any script", () => {
  it("keep their letters in the id, and the rep is found by name or id", async () => {
    const dir = await workspace();
    const chinese = await coach(["rep", "add", "李雷", "--focus", "prospecting"], { workspace: dir });
    expect(chinese.code, chinese.stderr).toBe(0);
    expect(chinese.stderr).toContain("Added 李雷 as '李雷'");
    const mixed = await coach(["--json", "rep", "add", "Li Lei (李雷)"], { workspace: dir });
    expect(JSON.parse(mixed.stdout).id).toBe("li-lei-李雷");
    expect(readdirSync(join(dir, "reps")).sort()).toEqual(["li-lei-李雷", "李雷"].sort());
    const shown = await coach(["--json", "rep", "show", "Li Lei (李雷)"], { workspace: dir });
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: "li-lei-李雷", name: "Li Lei (李雷)" });
  });

  it("a plan and a session for a rep named in Chinese are written, listed and reviewed", async () => {
    const dir = await workspace();
    await coach(["rep", "add", "李雷", "--focus", "prospecting", "--goal", "独立完成需求调研"], { workspace: dir });
    const answers = tempDir();
    const plan = await coach(["plan", "李雷", "--answers", answersFile(answers, PROSPECTING_PLAN_ANSWERS)], {
      workspace: dir,
    });
    expect(plan.code, plan.stderr).toBe(0);
    const session = await coach(
      ["session", "李雷", "--answers", answersFile(answers, PROSPECTING_SESSION_ANSWERS, "s.yaml")],
      { workspace: dir },
    );
    expect(session.code, session.stderr).toBe(0);
    expect(recordFiles(dir, "李雷")).toHaveLength(2);
    const review = await coach(["--json", "review", "李雷"], { workspace: dir });
    expect(review.code, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout)).toMatchObject({ rep: "李雷", cadence: { held: 1 } });
  });

  it("rep list aligns its columns by display width, wide letters counting two", async () => {
    const dir = await workspace();
    await coach(["rep", "add", "李雷", "--role", "AE"], { workspace: dir });
    await coach(["rep", "add", "Sam Lee", "--role", "SDR"], { workspace: dir });
    const lines = (await coach(["rep", "list"], { workspace: dir })).stdout.trimEnd().split("\n");
    const roleColumn = (line: string, role: string) => {
      const before = line.slice(0, line.indexOf(role));
      return Array.from(before).reduce((cells, c) => cells + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);
    };
    const chinese = lines.find((l) => l.includes("李雷"))!;
    const latin = lines.find((l) => l.includes("Sam Lee"))!;
    expect(roleColumn(chinese, "AE")).toBe(roleColumn(latin, "SDR"));
  });
});
