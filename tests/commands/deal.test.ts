import { copyFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { requireDeal } from "../../src/store/deal-file.js";
import { coach, PROSPECTING_PLAN_ANSWERS, read, tempDir, writeFile, writtenRecord } from "../helpers.js";

async function workspaceWithRep(): Promise<string> {
  const workspace = tempDir();
  expect((await coach(["init", workspace])).code).toBe(0);
  expect((await coach(["rep", "add", "Alex Kim"], { workspace })).code).toBe(0);
  return workspace;
}

async function json(argv: string[], workspace: string) {
  const result = await coach(["--json", ...argv], { workspace });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("coach deal", () => {
  it("adds a deal as its own owner-only file, and records gates with the buyer's evidence", async () => {
    const workspace = await workspaceWithRep();
    const added = await json(
      ["deal", "add", "alex-kim", "Acme Renewal", "--stage", "Qualification", "--value", "48,000", "--close", "2w"],
      workspace,
    );
    expect(added).toMatchObject({
      schema: "coach/deal@1",
      id: "acme-renewal",
      rep: "alex-kim",
      stage: "qualification",
      value: 48000,
      expected_close: "2026-12-06",
      opened: "2026-11-22",
      status: "open",
      gates: {},
    });
    const gated = await json(
      ["deal", "gate", "acme-renewal", "can-decide", "--evidence", "The CFO said she signs off on it"],
      workspace,
    );
    expect(gated.gates["can-decide"]).toEqual({
      met: true,
      evidence: "The CFO said she signs off on it",
      date: "2026-11-22",
    });
    const file = join(workspace, "reps", "alex-kim", "deals", "acme-renewal.md");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = read(file);
    expect(text).toMatch(/^---\nschema: coach\/deal@1\nid: acme-renewal\n/);
    expect(text).toContain("- [x] can-decide: The buyer can make the decision");
    expect(text).toContain("(met 2026-11-22: The CFO said she signs off on it)");
    expect(await json(["deal", "show", "acme-renewal"], workspace)).toEqual(gated);
  });

  it("gives a second deal of the same name its own id, and refuses a name with no letters", async () => {
    const workspace = await workspaceWithRep();
    expect((await json(["deal", "add", "alex-kim", "Acme"], workspace)).id).toBe("acme");
    expect((await json(["deal", "add", "alex-kim", "ACME!"], workspace)).id).toBe("acme-2");
    const none = await coach(["deal", "add", "alex-kim", "!!!"], { workspace });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: '!!!' has no letters or digits/);
  });

  it("refuses an id two reps' folders hold after a merge, naming both files, and leaves them alone", async () => {
    const workspace = await workspaceWithRep();
    expect((await coach(["rep", "add", "Sam Lee"], { workspace })).code).toBe(0);
    expect((await json(["deal", "add", "alex-kim", "Acme"], workspace)).id).toBe("acme");
    // What a second manager's `deal add sam-lee Acme`, pulled through git, leaves behind.
    const alexs = join(workspace, "reps", "alex-kim", "deals", "acme.md");
    const sams = join(workspace, "reps", "sam-lee", "deals", "acme.md");
    writeFile(sams, "");
    copyFileSync(alexs, sams);
    writeFileSync(sams, read(sams).replace("rep: alex-kim", "rep: sam-lee"));
    const before = [read(alexs), read(sams)];
    for (const argv of [
      ["deal", "show", "acme"],
      ["deal", "gate", "acme", "can-decide", "--not-met"],
    ]) {
      expect(await coach(argv, { workspace }), argv.join(" ")).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "error: deal 'acme' is in 2 reps' folders: reps/alex-kim/deals/acme.md, reps/sam-lee/deals/acme.md; " +
          "rename all but one (the file and its `id:`), so each deal's id is its own\n",
      });
    }
    expect([read(alexs), read(sams)]).toEqual(before);
    // A run about one rep (a session or drill with --deal) means that rep's own.
    expect(requireDeal(workspace, "acme", "sam-lee").deal.rep).toBe("sam-lee");
  });

  it("gate needs evidence unless --not-met; a gate not met is recorded as such", async () => {
    const workspace = await workspaceWithRep();
    await coach(["deal", "add", "alex-kim", "Acme"], { workspace });
    const bare = await coach(["deal", "gate", "acme", "can-decide"], { workspace });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^error: --evidence: say what the buyer said or did that shows 'can-decide' is met/);
    const notMet = await json(["deal", "gate", "acme", "can-decide", "--not-met"], workspace);
    expect(notMet.gates["can-decide"]).toEqual({ met: false, evidence: "", date: "2026-11-22" });
  });

  it("names the deal, gate, stage or status it does not know, with a did-you-mean, in one line and exit 2", async () => {
    const workspace = await workspaceWithRep();
    await coach(["deal", "add", "alex-kim", "Acme Renewal"], { workspace });
    const cases: [string[], string][] = [
      [["deal", "show", "acme-renewl"], "error: no deal 'acme-renewl'; did you mean 'acme-renewal'?"],
      [
        ["deal", "gate", "acme-renewal", "can-decid", "--evidence", "x"],
        "error: no gate 'can-decid'; did you mean 'can-decide'?",
      ],
      [["deal", "stage", "acme-renewal", "solutoin"], "error: no stage 'solutoin'; did you mean 'solution'?"],
      [
        ["deal", "close", "acme-renewal", "walked-awy"],
        "error: 'walked-awy' is not one of won, lost, walked-away; did you mean 'walked-away'?",
      ],
      [["deal", "add", "alex", "Beta"], "error: no rep 'alex'; did you mean 'alex-kim'?"],
    ];
    for (const [argv, message] of cases) {
      const result = await coach(argv, { workspace });
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr.split("\n").filter(Boolean), argv.join(" ")).toHaveLength(1);
      expect(result.stderr.startsWith(message), result.stderr).toBe(true);
    }
  });

  it("moving a deal past gates without evidence warns for each; a closed deal cannot move", async () => {
    const workspace = await workspaceWithRep();
    await coach(["deal", "add", "alex-kim", "Acme", "--stage", "qualification"], { workspace });
    for (const gate of ["need-admitted", "open-to-solutions", "agreed-to-discuss"])
      await coach(["deal", "gate", "acme", gate, "--evidence", "said so"], { workspace });
    const moved = await coach(["deal", "stage", "acme", "solution"], { workspace });
    expect(moved.code).toBe(0);
    expect(moved.stderr).toContain("warning: Acme is at solution; 'can-decide' has no evidence");
    expect(moved.stderr).not.toContain("'need-admitted'");
    const closed = await coach(["deal", "close", "acme", "won"], { workspace });
    expect(closed.code).toBe(0);
    const again = await coach(["deal", "stage", "acme", "negotiation"], { workspace });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error: deal 'acme' is won \(closed on 2026-11-22\); cannot change its stage/);
  });

  it("lists open deals by default and closed ones with --all; a walk-away is called good judgement", async () => {
    const workspace = await workspaceWithRep();
    await coach(["rep", "add", "Sam Lee"], { workspace });
    await coach(["deal", "add", "alex-kim", "Acme", "--stage", "solution"], { workspace });
    await coach(["deal", "add", "sam-lee", "Globex"], { workspace });
    const walked = await coach(["deal", "close", "globex", "walked-away", "--note", "No budget"], { workspace });
    expect(walked.stderr).toContain("good judgement");
    const open = await coach(["deal", "list"], { workspace });
    expect(open.stdout).toMatch(/ID\s+REP\s+STAGE\s+STATUS\s+GATES\s+NAME/);
    expect(open.stdout).toMatch(/!\s+acme\s+alex-kim\s+solution\s+open\s+0\/12\s+Acme/);
    expect(open.stdout).not.toContain("globex");
    const all = await json(["deal", "list", "--all"], workspace);
    expect(all.map((deal: { id: string; status: string }) => [deal.id, deal.status])).toEqual([
      ["acme", "open"],
      ["globex", "walked-away"],
    ]);
    expect(await json(["deal", "list", "sam-lee"], workspace)).toEqual([]);
  });

  it("a deal file broken by hand is named at its line, and left as it was", async () => {
    const workspace = await workspaceWithRep();
    await coach(["deal", "add", "alex-kim", "Acme"], { workspace });
    const file = join(workspace, "reps", "alex-kim", "deals", "acme.md");
    const broken = read(file).replace("status: open", "status: opne");
    writeFile(file, broken);
    const result = await coach(["deal", "gate", "acme", "can-decide", "--evidence", "x"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/acme\.md:\d+:\d+: status: expected one of open, won, lost, walked-away/);
    expect(read(file)).toBe(broken);
    expect(readdirSync(join(workspace, "reps", "alex-kim", "deals"))).toEqual(["acme.md"]);
  });
});

describe("deals in plans, reviews and completion", () => {
  async function workspaceWithDeals(): Promise<string> {
    const workspace = await workspaceWithRep();
    await coach(["deal", "add", "alex-kim", "Acme", "--stage", "qualification"], { workspace });
    for (const gate of ["meeting-accepted", "needs-stated", "need-admitted", "open-to-solutions", "agreed-to-discuss"])
      await coach(["deal", "gate", "acme", gate, "--evidence", "the buyer said so"], { workspace });
    await coach(["deal", "stage", "acme", "solution"], { workspace });
    await coach(["deal", "add", "alex-kim", "Globex", "--stage", "discovery"], { workspace });
    await coach(["deal", "add", "alex-kim", "Initech"], { workspace });
    await coach(["deal", "close", "initech", "walked-away"], { workspace });
    return workspace;
  }

  it("a plan lists the rep's open deals and warns on a deal past a gate without evidence", async () => {
    const workspace = await workspaceWithDeals();
    const answers = writeFile(join(workspace, "answers.yaml"), stringify(PROSPECTING_PLAN_ANSWERS));
    const result = await coach(["plan", "alex-kim", "--stage", "prospecting", "--answers", answers], { workspace });
    expect(result.code, result.stderr).toBe(0);
    const body = writtenRecord(result);
    expect(body).toContain("- Acme is at solution; 'can-decide' has no evidence");
    // Globex is at discovery: past prospecting's gate; its own stage's gate is the work in hand, not a warning.
    expect(body).toContain("- Globex is at discovery; 'meeting-accepted' has no evidence");
    expect(body).not.toContain("'needs-stated' has no evidence");
    expect(body).toContain("## Open deals");
    expect(body).toContain("- `acme` Acme (solution; gates without evidence: can-decide, fit-confirmed)");
    expect(body).toContain("- `globex` Globex (discovery; gates without evidence: meeting-accepted, needs-stated)");
    expect(body).not.toContain("initech");
  });

  it("review JSON counts deals per rep and for the team; the Markdown calls a walk-away good judgement", async () => {
    const workspace = await workspaceWithDeals();
    await coach(["rep", "add", "Sam Lee"], { workspace });
    await coach(["deal", "add", "sam-lee", "Hooli"], { workspace });
    await coach(["deal", "close", "hooli", "won"], { workspace });
    const counts = { open: 2, won: 0, lost: 0, walked_away: 1, gates_with_evidence: 5 };
    expect((await json(["review", "alex-kim"], workspace)).deals).toEqual(counts);
    expect((await json(["review", "--team"], workspace)).deals).toEqual({ ...counts, won: 1 });
    const md = await coach(["review", "alex-kim", "--format", "md"], { workspace });
    expect(md.stdout).toContain("## Deals\n\n- Open: 2; won: 0; lost: 0; walked away: 1");
    expect(md.stdout).toContain("1 walk-away from deals that were not win/win: good judgement");
  });

  it("completion lists the workspace's deal ids", async () => {
    const workspace = await workspaceWithDeals();
    const listed = await coach(["completion", "--list", "deal"], { workspace });
    expect(listed.stdout.split("\n").filter(Boolean)).toEqual(["acme", "globex", "initech"]);
  });
});
