import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, tempDir } from "../helpers.js";
import { repProfile, session, writeHistory } from "../history.js";

// A workspace changed by hand, or by a bad merge: a folder where a file should be, a file
// where a folder should be, a broken link. Each is bad input naming the path (exit 2), or a
// warning where a list skips it, never an "unexpected error".

async function workspaceWithDeal() {
  const workspace = tempDir();
  const [record] = writeHistory(
    workspace,
    [repProfile("alex-kim")],
    [session("alex-kim", "2026-11-20", { actions: [{ id: "act001", due: "2026-12-10", status: "open" }] })],
  );
  const env = { COACH_WORKSPACE: workspace };
  expect((await coach(["deal", "add", "alex-kim", "Acme renewal"], { env })).code).toBe(0);
  return { workspace, env, record: join(workspace, record!) };
}

/** Replaces the file at `path` with a folder of the same name. */
function folderFor(path: string): void {
  rmSync(path, { force: true });
  mkdirSync(path, { recursive: true });
}

const FOLDER = "1:1: a folder where coach expects a file; move or rename the folder";

describe("a workspace changed by hand", () => {
  it("names a folder where a record, a deal, a profile, a template or coach.yaml should be", async () => {
    const cases: [string, string[], number, string][] = [
      [
        "reps/alex-kim/deals/acme-renewal.md",
        ["deal", "show", "acme-renewal"],
        2,
        "error: reps/alex-kim/deals/acme-renewal.md:",
      ],
      [
        "reps/alex-kim/deals/acme-renewal.md",
        ["deal", "list"],
        0,
        "warning: skipped a broken deal: reps/alex-kim/deals/acme-renewal.md:",
      ],
      ["reps/alex-kim/rep.yaml", ["rep", "show", "alex-kim"], 2, "error: reps/alex-kim/rep.yaml:"],
      ["templates/session/mine.yaml", ["templates", "list"], 2, "templates/session/mine.yaml:"],
      ["coach.yaml", ["rep", "list"], 2, "coach.yaml:"],
    ];
    for (const [path, argv, code, start] of cases) {
      const { workspace, env } = await workspaceWithDeal();
      folderFor(join(workspace, path));
      const result = await coach(argv, { env });
      expect(result, `${path}: ${argv.join(" ")}`).toMatchObject({ code });
      expect(result.stderr).toContain(`${start}${FOLDER}`);
      expect(result.stderr).not.toContain("unexpected");
    }
  });

  it("refuses to close a commitment whose record is a folder or a broken link, and reviews without it", async () => {
    const { env, record } = await workspaceWithDeal();
    folderFor(record);
    const done = await coach(["actions", "done", "act001"], { env });
    expect(done).toMatchObject({ code: 2 });
    expect(done.stderr).toMatch(
      /^error: cannot change action 'act001': reps\/alex-kim\/records\/.*\.md:1:1: could not read the file \(EISDIR\)/,
    );
    const review = await coach(["review", "alex-kim"], { env });
    expect(review.code).toBe(0);
    expect(review.stderr).toContain(`warning: skipped a broken record: reps/alex-kim/records/`);
    rmSync(record, { recursive: true });
    symlinkSync(join(record, "..", "gone.md"), record);
    expect((await coach(["actions", "done", "act001"], { env })).stderr).toContain("could not read the file (ENOENT)");
  });

  it("names a file where coach expects a folder, or where it would make one", async () => {
    const { workspace, env } = await workspaceWithDeal();
    const records = join(workspace, "reps", "alex-kim", "records");
    rmSync(records, { recursive: true });
    writeFileSync(records, "x\n");
    const plan = await coach(["actions", "add", "alex-kim", "Call the CFO"], { env });
    expect(plan).toMatchObject({ code: 2 });
    expect(plan.stderr).toContain(`error: ${records}: `);
    expect(plan.stderr).not.toContain("unexpected");
    rmSync(join(workspace, "reps"), { recursive: true });
    writeFileSync(join(workspace, "reps"), "x\n");
    expect(await coach(["rep", "list"], { env })).toMatchObject({
      code: 2,
      stderr: `error: ${join(workspace, "reps")}: not a folder, or under a file, where coach expects a folder; move or rename the file, then run again\n`,
    });
  });
});
