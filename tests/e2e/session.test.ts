import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { coach, coachBin, read, recordFiles } from "../helpers.js";
import { holdSession, workspaceWithRep } from "../session-fixtures.js";

// What a session prints and writes is tested in-process (tests/commands/session-script.test.ts).
let workspace: string;
/** In-process: reading back needs no process of its own. */
const run = (argv: string[]) => coach(argv, { cwd: workspace });
/** The built bin: parallel writers need processes. */
const spawned = (argv: string[]) => coachBin(argv, { cwd: workspace });

/** Every file and folder under `dir`, relative, for spotting leftover temp or lock files. */
function everything(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

beforeEach(async () => {
  workspace = await workspaceWithRep();
});

describe("many writers at once", () => {
  it("16 parallel `coach actions add` for one rep: all 16 are there, no temp or lock files left", async () => {
    const texts = Array.from({ length: 16 }, (_, i) => `Parallel task ${i + 1}`);
    const results = await Promise.all(
      texts.map((text) => spawned(["actions", "add", "alex-kim", text, "--due", "3d"])),
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const ids = results.map((r) => r.stdout.trim());
    expect(new Set(ids).size).toBe(16);
    const listed = JSON.parse((await run(["--json", "actions", "alex-kim"])).stdout) as {
      id: string;
      text: string;
      due: string;
    }[];
    expect(listed.map((r) => r.text).sort()).toEqual([...texts].sort());
    expect(listed.map((r) => r.id).sort()).toEqual([...ids].sort());
    const dir = join(workspace, "reps", "alex-kim", "records");
    expect(readdirSync(dir).filter((f) => !/^2026-11-22-note-parallel-task-\d+-\w{6}\.md$/.test(f))).toEqual([]);
    expect(everything(workspace).filter((f) => /\.lock|\.\d+$|~$|\.tmp/.test(f))).toEqual([]);
  }, 60_000); // 16 processes at once: on a loaded 2-core machine this takes 20-30 s

  it("8 parallel `coach actions done` on 8 actions of one record: all 8 closed, none lost", async () => {
    const ids = await holdSession(workspace, {
      actions: Array.from({ length: 8 }, (_, i) => ({ text: `Task ${i + 1}` })),
    });
    const results = await Promise.all(ids.map((id) => spawned(["actions", "done", id])));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const all = JSON.parse((await run(["--json", "actions", "--all"])).stdout) as { status: string }[];
    expect(all.map((r) => r.status)).toEqual(Array(8).fill("done"));
    const text = read(recordFiles(workspace, "alex-kim").find((f) => f.includes("-session-"))!);
    expect(text.match(/^- \[x\] `\w+` Task \d \(rep, no due date\) \(done 2026-11-22\)$/gm)).toHaveLength(8);
    expect(everything(workspace).filter((f) => /\.lock|\.\d+$/.test(f))).toEqual([]);
  }, 60_000); // 16 processes at once: on a loaded 2-core machine this takes 20-30 s
});
