import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { coach, coachBin, recordFiles, tempDir, writeFile } from "../helpers.js";
import { PROSPECTING_SESSION_ANSWERS } from "../session-fixtures.js";

/** git with no user or system configuration: only what the test sets. */
const gitEnv = (home: string) => ({
  HOME: home,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_TERMINAL_PROMPT: "0",
  LANG: "C",
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...gitEnv(cwd) },
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** `coach sync` runs git, so it runs as the built bin; setting up and reading back run in-process. */
const run = (cwd: string, argv: string[]) => coachBin(argv, { cwd, env: gitEnv(cwd) });
const inProcess = (cwd: string, argv: string[]) => coach(argv, { cwd, env: gitEnv(cwd) });

async function session(workspace: string, extra: Record<string, unknown>, argv: string[] = []) {
  const file = writeFile(join(tempDir(), "answers.yaml"), stringify({ ...PROSPECTING_SESSION_ANSWERS, ...extra }));
  const result = await inProcess(workspace, ["session", "alex-kim", "--answers", file, ...argv]);
  expect(result.code, result.stderr).toBe(0);
}

async function actions(workspace: string): Promise<{ id: string; text: string; status: string }[]> {
  const result = await inProcess(workspace, ["--json", "actions", "--all"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function clone(bare: string, dir: string, name: string): string {
  git(join(dir, ".."), "clone", "-q", bare, dir);
  git(dir, "config", "user.name", name);
  git(dir, "config", "user.email", `${name.toLowerCase()}@example.com`);
  return dir;
}

/** No rebase or merge left half done, and nothing of coach's left uncommitted. */
function expectClean(dir: string) {
  for (const marker of ["rebase-merge", "rebase-apply", "MERGE_HEAD"])
    expect(existsSync(join(dir, ".git", marker))).toBe(false);
  expect(git(dir, "status", "--porcelain", "--", "reps", "coach.yaml", "templates")).toBe("");
}

/** A bare repository and two clones of a workspace with Alex and one session holding two commitments. */
async function team() {
  const dir = tempDir();
  const bare = join(dir, "team.git");
  git(dir, "init", "-q", "--bare", "--initial-branch=main", bare);
  const seed = join(dir, "seed");
  expect((await coach(["init", seed])).code).toBe(0);
  expect(
    (await inProcess(seed, ["rep", "add", "Alex Kim", "--focus", "prospecting", "--goal", "Run discovery alone"])).code,
  ).toBe(0);
  git(seed, "init", "-q", "--initial-branch=main");
  git(seed, "config", "user.name", "Seed");
  git(seed, "config", "user.email", "seed@example.com");
  git(seed, "remote", "add", "origin", bare);
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
  // The first sync commits the workspace and pushes a branch the remote did not have.
  const first = await run(seed, ["sync"]);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toMatch(/Synced: committed \d+ files, got 0 commits from origin\/main, pushed\./);
  return { dir, bare, a: clone(bare, join(dir, "a"), "Ana"), b: clone(bare, join(dir, "b"), "Ben") };
}

describe("coach sync", { timeout: 90_000 }, () => {
  it("two managers' sessions and closes end up in both clones, with no conflict and no rebase left behind", async () => {
    const { a, b } = await team();
    const [recap, review] = (await actions(a)).map((r) => r.id);
    await session(a, { follow_ups: { [recap!]: "done", [review!]: "open" }, actions: [{ text: "Ana's next step" }] });
    await session(
      b,
      { follow_ups: { [recap!]: "open", [review!]: "dropped" }, actions: [{ text: "Ben's next step" }] },
      ["--date", "2026-11-21"],
    );
    expect((await inProcess(b, ["actions", "add", "alex-kim", "Ben's note", "--due", "friday"])).code).toBe(0);

    const ana = await run(a, ["sync", "--message", "1:1 with Alex"]);
    expect(ana.code, ana.stderr).toBe(0);
    expect(ana.stderr).toMatch(/committed \d+ files, got 0 commits/);
    const ben = await run(b, ["sync"]);
    expect(ben.code, ben.stderr).toBe(0);
    expect(ben.stderr).toMatch(/got 1 commit from origin\/main, pushed/);
    const again = await run(a, ["--json", "sync"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ committed: [], pulled: 1, pushed: true });

    for (const clone of [a, b]) expectClean(clone);
    expect(git(a, "rev-parse", "HEAD")).toBe(git(b, "rev-parse", "HEAD"));
    // Ben's commit was rebased onto Ana's: a straight line, no merge commit.
    expect(git(a, "rev-list", "--merges", "--count", "HEAD")).toBe("0");
    expect(git(a, "log", "-1", "--format=%s", "HEAD~1")).toBe("1:1 with Alex");
    for (const clone of [a, b]) {
      const rows = await actions(clone);
      expect(rows.map((r) => [r.text, r.status]).sort()).toEqual(
        [
          ["Send the recap", "done"],
          ["Book the review", "dropped"],
          ["Ana's next step", "open"],
          ["Ben's next step", "open"],
          ["Ben's note", "open"],
        ].sort(),
      );
      expect(recordFiles(clone, "alex-kim").filter((f) => f.includes("-session-"))).toHaveLength(3);
    }
  });

  it("on a conflict aborts cleanly, names the file, exits 1 and keeps the local commit", async () => {
    const { a, b } = await team();
    writeFileSync(join(a, "coach.yaml"), "manager: Ana\n");
    writeFileSync(join(b, "coach.yaml"), "manager: Ben\n");
    expect((await run(a, ["sync"])).code).toBe(0);
    const ben = await run(b, ["sync"]);
    expect(ben.code).toBe(1);
    expect(ben.stderr).toMatch(/conflict in coach\.yaml; nothing was pushed/);
    expect(ben.stderr).toMatch(/committed on the local branch, not lost/);
    expect(ben.stderr).not.toMatch(/at .*\.js:\d+/);
    expectClean(b);
    expect(git(b, "show", "HEAD:coach.yaml")).toBe("manager: Ben");
    expect(git(b, "status", "--porcelain")).toBe("");
  });

  it("outside a git repository: exit 2 with how to start; with no remote it commits and says so", async () => {
    const dir = tempDir();
    expect((await coach(["init", dir])).code).toBe(0);
    const outside = await run(dir, ["sync"]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is not in a git repository.*git init/s);

    git(dir, "init", "-q", "--initial-branch=main");
    git(dir, "config", "user.name", "Solo");
    git(dir, "config", "user.email", "solo@example.com");
    const local = await run(dir, ["sync"]);
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).toMatch(/Synced: committed \d+ files\.\nNo remote is set/);
    expect(git(dir, "log", "--format=%s")).toBe("coach sync 2026-11-22: 2 files");
  });
});
