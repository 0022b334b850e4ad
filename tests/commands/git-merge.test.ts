import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { coach, read, recordFiles, tempDir, writeFile } from "../helpers.js";
import { PROSPECTING_SESSION_ANSWERS } from "../session-fixtures.js";

interface Row {
  id: string;
  text: string;
  status: string;
  closed_on: string | null;
}

/** git with no user or system configuration: only what the test sets. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: cwd,
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_TERMINAL_PROMPT: "0",
      LANG: "C",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function clone(bare: string, dir: string, name: string): string {
  git(join(dir, ".."), "clone", "-q", bare, dir);
  git(dir, "config", "user.name", name);
  git(dir, "config", "user.email", `${name.toLowerCase()}@example.com`);
  git(dir, "config", "pull.rebase", "false");
  return dir;
}

async function session(workspace: string, extra: Record<string, unknown>, argv: string[] = []): Promise<void> {
  const file = writeFile(join(tempDir(), "answers.yaml"), stringify({ ...PROSPECTING_SESSION_ANSWERS, ...extra }));
  const result = await coach(["session", "alex-kim", "--answers", file, ...argv], { cwd: workspace });
  expect(result.code, result.stderr).toBe(0);
}

async function actions(workspace: string): Promise<Row[]> {
  const result = await coach(["--json", "actions", "--all"], { cwd: workspace });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Row[];
}

describe("a team sharing the workspace through git", () => {
  it("two managers each hold a session for one rep and close different actions of one record: git merges with no conflict", async () => {
    const dir = tempDir();
    const bare = join(dir, "team.git");
    git(dir, "init", "-q", "--bare", "--initial-branch=main", bare);

    // The shared workspace: a rep and a session with two open commitments.
    const seed = join(dir, "seed");
    expect((await coach(["init", seed])).code).toBe(0);
    expect(
      (
        await coach(["rep", "add", "Alex Kim", "--focus", "prospecting", "--goal", "Run discovery alone"], {
          cwd: seed,
        })
      ).code,
    ).toBe(0);
    await session(
      seed,
      {
        actions: [
          { text: "Send the recap", due: "2026-11-20" },
          { text: "Book the review", due: "2026-11-27" },
        ],
      },
      ["--date", "2026-11-15"],
    );
    const [recap, review] = (await actions(seed)).map((r) => r.id);
    git(seed, "init", "-q", "--initial-branch=main");
    git(seed, "config", "user.name", "Seed");
    git(seed, "config", "user.email", "seed@example.com");
    git(seed, "add", "-A");
    git(seed, "commit", "-q", "-m", "workspace");
    git(seed, "push", "-q", bare, "main");

    const a = clone(bare, join(dir, "a"), "Ana");
    const b = clone(bare, join(dir, "b"), "Ben");
    await session(a, {
      follow_ups: { [recap!]: "done", [review!]: "open" },
      actions: [{ text: "Ana's next step", due: "friday" }],
    });
    await session(
      b,
      { follow_ups: { [recap!]: "open", [review!]: "dropped" }, actions: [{ text: "Ben's next step", due: "2w" }] },
      ["--date", "2026-11-21"],
    );
    for (const [clonePath, who] of [
      [a, "Ana"],
      [b, "Ben"],
    ] as const) {
      git(clonePath, "add", "-A");
      git(clonePath, "commit", "-q", "-m", `1:1 with Alex (${who})`);
    }
    git(a, "push", "-q", "origin", "main");
    git(b, "pull", "-q", "--no-edit", "origin", "main");
    git(b, "push", "-q", "origin", "main");
    git(a, "pull", "-q", "--no-edit", "origin", "main");

    expect(git(a, "status", "--porcelain")).toBe("");
    expect(git(a, "rev-parse", "HEAD")).toBe(git(b, "rev-parse", "HEAD"));
    const rows = await actions(a);
    expect(rows.map((r) => [r.text, r.status, r.closed_on]).sort()).toEqual(
      [
        ["Send the recap", "done", "2026-11-22"],
        ["Book the review", "dropped", "2026-11-21"],
        ["Ana's next step", "open", null],
        ["Ben's next step", "open", null],
      ].sort(),
    );
    const shared = read(recordFiles(a, "alex-kim")[0]!);
    expect(shared).toContain(`- [x] \`${recap}\` Send the recap (rep, due 2026-11-20) (done 2026-11-22)`);
    expect(shared).toContain(`- [-] \`${review}\` Book the review (rep, due 2026-11-27) (dropped 2026-11-21)`);
    expect(shared).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(recordFiles(a, "alex-kim").filter((f) => f.includes("-session-"))).toHaveLength(3);
  });
});
