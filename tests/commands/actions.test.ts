import { readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { RECORD_SCHEMA } from "../../src/domain/record.js";
import { joinFrontMatter } from "../../src/domain/to-yaml.js";
import { WHEN_FORMS } from "../../src/domain/when.js";
import { coach, PROSPECTING_PLAN_ANSWERS, read, recordFiles, tempDir, writtenRecord } from "../helpers.js";
import { answersFile, holdSession, workspaceWithRep } from "../session-fixtures.js";

interface Row {
  id: string;
  rep: string;
  text: string;
  owner: string;
  due: string | null;
  status: string;
  closed_on: string | null;
  record: string;
}

async function list(workspace: string, ...argv: string[]): Promise<Row[]> {
  const result = await coach(["--json", "actions", ...argv], { workspace });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Row[];
}

describe("coach actions add", () => {
  it("writes one note record holding the commitment, with a checklist line", async () => {
    const workspace = await workspaceWithRep();
    const result = await coach(
      ["--json", "actions", "add", "alex-kim", "Send the recap to Acme", "--due", "friday", "--owner", "manager"],
      { workspace },
    );
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as { written: string[]; id: string; record: string };
    expect(out.written).toEqual([
      join(workspace, "reps", "alex-kim", "records", `2026-11-22-note-send-the-recap-to-acme-${out.id}.md`),
    ]);
    const text = read(out.written[0]!);
    expect(text).toContain("type: note\n");
    expect(text).toContain(`- [ ] \`${out.id}\` Send the recap to Acme (manager, due 2026-11-27)`);
    expect(await list(workspace)).toEqual([
      {
        id: out.id,
        rep: "alex-kim",
        text: "Send the recap to Acme",
        owner: "manager",
        due: "2026-11-27",
        status: "open",
        closed_on: null,
        record: out.record,
      },
    ]);
  });

  it("prints the new id on stdout for scripts, and back-dates with --date (due counted from that day)", async () => {
    const workspace = await workspaceWithRep();
    const result = await coach(
      ["actions", "add", "alex-kim", "Call Bob", "--due", "tomorrow", "--date", "2026-11-02"],
      { workspace },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-z]{6}\n$/);
    expect(await list(workspace)).toMatchObject([
      { id: result.stdout.trim(), due: "2026-11-03", record: expect.stringMatching(/^2026-11-02-note-call-bob-/) },
    ]);
  });

  it.each([
    [["--due", "whenever"], `--due: 'whenever' is not a date I know; use one of: ${WHEN_FORMS}`],
    [["--owner", "boss"], "--owner: expected one of rep, manager"],
  ])("refuses %j with exit 2 and writes nothing", async (flags, message) => {
    const workspace = await workspaceWithRep();
    const result = await coach(["actions", "add", "alex-kim", "Call Bob", ...flags], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });

  it("refuses a commitment, a goal or evidence holding a control character, shown as an escape", async () => {
    const workspace = await workspaceWithRep();
    const before = recordFiles(workspace, "alex-kim");
    for (const [argv, what] of [
      [["actions", "add", "alex-kim", "Ring\x07 Acme"], "the commitment 'Ring\\x07 Acme'"],
      [["actions", "add", "alex-kim", "Call\nAcme"], "the commitment 'Call\\x0aAcme'"],
      [["rep", "goal", "add", "alex-kim", "\x1b[31mWin"], "the goal '\\x1b[31mWin'"],
    ]) {
      const result = await coach(argv as string[], { workspace });
      expect([result.code, result.stderr]).toEqual([
        2,
        `error: ${what} cannot contain control characters (such as NUL or a line break); type it again without them\n`,
      ]);
    }
    expect(recordFiles(workspace, "alex-kim")).toEqual(before);
  });

  it("an unknown rep is an error with a suggestion", async () => {
    const workspace = await workspaceWithRep();
    const result = await coach(["actions", "add", "alex-kin", "Call Bob"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("did you mean 'alex-kim'?");
  });
});

describe("coach actions (list)", () => {
  async function seeded() {
    const workspace = await workspaceWithRep();
    await coach(["rep", "add", "Sam Lee"], { workspace });
    const [late, soon, closed] = await holdSession(
      workspace,
      {
        actions: [
          { text: "Late one", due: "2026-11-12" },
          { text: "Soon one", due: "2026-11-25" },
          { text: "Closed one" },
        ],
      },
      ["--date", "2026-11-10"],
    );
    await coach(["actions", "done", closed!, "--date", "2026-11-11"], { workspace });
    await coach(["actions", "add", "sam-lee", "Sam's task", "--date", "2026-10-25", "--due", "2026-11-01"], {
      workspace,
    });
    return { workspace, late: late!, soon: soon!, closed: closed! };
  }

  it("shows open commitments, overdue first, with the overdue ones marked", async () => {
    const { workspace, late, soon } = await seeded();
    const result = await coach(["actions", "alex-kim"], { workspace });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^\s+ID\s+OWNER\s+DUE\s+STATUS\s+COMMITMENT$/);
    expect(lines[1]).toMatch(new RegExp(`^!\\s+${late}\\s+rep\\s+2026-11-12\\s+overdue 10 days\\s+Late one$`));
    expect(lines[2]).toMatch(new RegExp(`^\\s+${soon}\\s+rep\\s+2026-11-25\\s+open\\s+Soon one$`));
    expect(lines[3]).toBe("2 open, 1 overdue");
    // Columns line up.
    expect(lines[1]!.indexOf("2026-11-12")).toBe(lines[2]!.indexOf("2026-11-25"));
  });

  it("--overdue, --all and no rep (every rep's, with the rep column)", async () => {
    const { workspace, late, soon, closed } = await seeded();
    expect((await list(workspace, "alex-kim", "--overdue")).map((r) => r.id)).toEqual([late]);
    expect((await list(workspace, "alex-kim", "--all")).map((r) => [r.id, r.status, r.closed_on])).toEqual([
      [late, "open", null],
      [soon, "open", null],
      [closed, "done", "2026-11-11"],
    ]);
    const everyone = await list(workspace, "--overdue");
    expect(everyone.map((r) => r.rep)).toEqual(["sam-lee", "alex-kim"]);
    const text = await coach(["actions"], { workspace });
    expect(text.stdout.split("\n")[0]).toMatch(/ID\s+REP\s+OWNER/);
  });

  it("refuses two filters at once", async () => {
    const { workspace } = await seeded();
    const result = await coach(["actions", "--open", "--all"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("choose one of --open, --overdue, --all");
  });

  it("says so when there is nothing to show", async () => {
    const workspace = await workspaceWithRep();
    const result = await coach(["actions", "alex-kim"], { workspace });
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toContain("No open commitments for Alex Kim.");
  });

  it("skips a record a person broke, naming file:line:col, and counts it", async () => {
    const { workspace, late } = await seeded();
    const [file] = recordFiles(workspace, "alex-kim");
    writeFileSync(file!, read(file!).replace("status: completed", "status: finished"));
    const result = await coach(["--json", "actions"], { workspace });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /warning: skipped a broken record: reps\/alex-kim\/records\/2026-11-10-session-prospecting-\w+\.md:7:9: status: /,
    );
    expect(result.stderr).toContain("1 record skipped");
    expect((JSON.parse(result.stdout) as Row[]).map((r) => r.rep)).toEqual(["sam-lee"]);

    const refused = await coach(["actions", "done", late], { workspace });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /cannot change action '\w+': reps\/alex-kim\/records\/.*\.md:7:9: status: .*fix the front matter by hand/,
    );
    expect(read(file!)).toContain("status: finished");
  });
});

describe("coach actions done / drop", () => {
  it("closes the action in its record: front matter, checklist line; a person's notes and keys survive", async () => {
    const workspace = await workspaceWithRep();
    const [a, b] = await holdSession(
      workspace,
      { actions: [{ text: "First", due: "2026-11-30" }, { text: "Second" }] },
      ["--date", "2026-11-10"],
    );
    const [file] = recordFiles(workspace, "alex-kim");
    const edited =
      read(file!).replace("status: completed\n", "status: completed\nmood: upbeat\n") +
      "\n## My notes\n\nShe was nervous --- but keen.\n";
    writeFileSync(file!, edited);

    const done = await coach(["--json", "actions", "done", a!, "--date", "2026-11-20"], { workspace });
    expect(done.code, done.stderr).toBe(0);
    const closeNote = join(workspace, "reps", "alex-kim", "records", `2026-11-20-note-close-${a}.md`);
    expect(JSON.parse(done.stdout)).toEqual({ written: [closeNote, file], id: a });
    const dropped = await coach(["actions", "drop", b!], { workspace });
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stderr).toContain(`Dropped on 2026-11-22: \`${b}\` Second`);

    const after = readFileSync(file!, "utf8");
    expect(after).toContain("mood: upbeat");
    expect(after).toContain("## My notes\n\nShe was nervous --- but keen.\n");
    expect(after).toContain(`- [x] \`${a}\` First (rep, due 2026-11-30) (done 2026-11-20)`);
    expect(after).toContain(`- [-] \`${b}\` Second (rep, no due date) (dropped 2026-11-22)`);
    // Only the closed actions' lines changed (keys keep their order).
    const changed = after.split("\n").filter((line, i) => line !== edited.split("\n")[i]);
    expect(changed).toEqual([
      "    status: done",
      '    closed_on: "2026-11-20"',
      "    status: dropped",
      '    closed_on: "2026-11-22"',
      expect.stringContaining(a!),
      expect.stringContaining(b!),
    ]);
  });

  it("an unknown id gets a did-you-mean; a closed one says when it was closed", async () => {
    const workspace = await workspaceWithRep();
    const [a] = await holdSession(workspace, { actions: [{ text: "First" }] }, ["--date", "2026-11-20"]);
    const unknown = await coach(["actions", "done", a!.slice(0, 4)], { workspace });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`no action '${a!.slice(0, 4)}'; did you mean '${a}'?`);
    await coach(["actions", "done", a!, "--date", "2026-11-21"], { workspace });
    const again = await coach(["actions", "drop", a!], { workspace });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`action '${a}' is already done (closed on 2026-11-21)`);
  });
  it("a record dated after today (edited by hand) is named when its commitment is closed, not a --date never given", async () => {
    const workspace = await workspaceWithRep();
    const [id] = await holdSession(workspace, { actions: [{ text: "Send the recap" }] });
    const [made] = recordFiles(workspace, "alex-kim");
    writeFileSync(made!, read(made!).replace(/^date: .*$/m, 'date: "2027-11-22"'));
    const result = await coach(["actions", "done", id!], { workspace });
    expect([result.code, result.stderr]).toEqual([
      2,
      `error: action '${id}' was made on 2027-11-22, after today (2026-11-22), says reps/alex-kim/records/${basename(made!)}; correct that record's \`date:\` by hand, then run this again\n`,
    ]);
    const backDated = await coach(["actions", "done", id!, "--date", "2026-11-20"], { workspace });
    expect(backDated.stderr).toContain("--date 2026-11-20 is before the action was made (2027-11-22)");
    expect(recordFiles(workspace, "alex-kim")).toEqual([made]);
  });

  it("an id two records hold (a record copied by hand) is listed with a warning, and not closed or edited", async () => {
    const workspace = await workspaceWithRep();
    const [id] = await holdSession(workspace, { actions: [{ text: "Send the recap" }] }, ["--date", "2026-11-20"]);
    const [made] = recordFiles(workspace, "alex-kim");
    const copy = made!.replace(/\.md$/, "-copy.md");
    writeFileSync(copy, read(made!).replace(/^id: (.*)$/m, "id: $1-copy"));
    const before = recordFiles(workspace, "alex-kim").map(read);
    const both = `action '${id}' is in 2 records: reps/alex-kim/records/${basename(copy)}, reps/alex-kim/records/${basename(made!)}`;

    const list = await coach(["actions"], { workspace });
    expect(list.code).toBe(0);
    expect(list.stdout.match(new RegExp(`${id}`, "g"))).toHaveLength(2);
    expect(list.stderr).toContain(`warning: ${both}; \`done\`, \`drop\` and \`edit\` refuse it until you delete`);
    for (const argv of [
      ["actions", "done", id!],
      ["actions", "drop", id!],
      ["actions", "edit", id!, "--due", "2w"],
    ]) {
      const result = await coach(argv, { workspace });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `error: ${both}; delete the copy, or give all but one a new id (under \`actions:\` and in its checklist line)\n`,
      );
    }
    expect(recordFiles(workspace, "alex-kim").map(read)).toEqual(before);

    rmSync(copy);
    expect((await coach(["actions", "done", id!], { workspace })).code).toBe(0);
  });
});

describe("a close is never lost, and never changes what a person wrote", () => {
  it("a session saved with its follow-ups has closed them, even if nothing else was written after it", async () => {
    const workspace = await workspaceWithRep();
    const [a, b] = await holdSession(workspace, { actions: [{ text: "First" }, { text: "Second" }] }, [
      "--date",
      "2026-11-10",
    ]);
    const [made] = recordFiles(workspace, "alex-kim");
    const before = read(made!);
    // What a process killed right after writing the session leaves: the session, and nothing more.
    const session = joinFrontMatter(
      {
        schema: RECORD_SCHEMA,
        id: "2026-11-15-session-prospecting-kill",
        type: "session",
        rep: "alex-kim",
        date: "2026-11-15",
        status: "completed",
        follow_ups: [
          { action: a, status: "done" },
          { action: b, status: "open" },
        ],
      },
      "\n# 1:1\n",
    );
    writeFileSync(join(dirname(made!), "2026-11-15-session-prospecting-kill.md"), session);
    const rows = await list(workspace, "--all");
    expect(rows.map((r) => [r.id, r.status, r.closed_on])).toEqual([
      [b, "open", null],
      [a, "done", "2026-11-15"],
    ]);
    expect(read(made!)).toBe(before);
    const again = await coach(["actions", "done", a!], { workspace });
    expect(again.stderr).toContain(`action '${a}' is already done (closed on 2026-11-15)`);
  });

  it("closing in a CRLF record with a BOM keeps both, changing only the closed action's lines", async () => {
    const workspace = await workspaceWithRep();
    const [a] = await holdSession(workspace, { actions: [{ text: "First" }, { text: "Second" }] });
    const [file] = recordFiles(workspace, "alex-kim");
    const crlf = `\uFEFF${read(file!).replace(/\n/g, "\r\n")}`;
    writeFileSync(file!, crlf);
    const done = await coach(["actions", "done", a!], { workspace });
    expect(done.code, done.stderr).toBe(0);
    const after = readFileSync(file!, "utf8");
    expect(after.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    const changed = after.split("\r\n").filter((line, i) => line !== crlf.split("\r\n")[i]);
    expect(changed).toEqual([
      "    status: done",
      '    closed_on: "2026-11-22"',
      expect.stringContaining(`[x] \`${a}\``),
    ]);
  });

  it("refuses a record that is not valid UTF-8, naming the file and the byte, and changes nothing", async () => {
    const workspace = await workspaceWithRep();
    const [a] = await holdSession(workspace, { actions: [{ text: "First" }] });
    const [file] = recordFiles(workspace, "alex-kim");
    const bytes = Buffer.concat([readFileSync(file!), Buffer.from("\nCaf\xe9 notes\n", "latin1")]);
    writeFileSync(file!, bytes);
    const offset = bytes.indexOf(0xe9);
    const done = await coach(["actions", "done", a!], { workspace });
    expect(done.code).toBe(2);
    expect(done.stderr).toContain(
      `${join("reps", "alex-kim", "records", basename(file!))}: not valid UTF-8 at byte ${offset}`,
    );
    expect(readFileSync(file!).equals(bytes)).toBe(true);
    expect(recordFiles(workspace, "alex-kim")).toEqual([file]);
  });

  it("refuses a record that is a symlink to a file outside the workspace, and writes nothing there", async () => {
    const workspace = await workspaceWithRep();
    const [a] = await holdSession(workspace, { actions: [{ text: "First" }] });
    const [file] = recordFiles(workspace, "alex-kim");
    const elsewhere = join(tempDir(), "elsewhere.md");
    writeFileSync(elsewhere, read(file!));
    rmSync(file!);
    symlinkSync(elsewhere, file!);
    const before = read(elsewhere);
    const done = await coach(["actions", "done", a!], { workspace });
    expect(done.code).toBe(2);
    expect(done.stderr).toContain(
      `${join("reps", "alex-kim", "records", basename(file!))} leads outside the workspace`,
    );
    expect(read(elsewhere)).toBe(before);
    expect(recordFiles(workspace, "alex-kim")).toEqual([file]);
  });

  it("a records folder that is a symlink out of the workspace gets no new record", async () => {
    const workspace = await workspaceWithRep();
    await holdSession(workspace);
    const outside = join(tempDir(), "records");
    const records = join(workspace, "reps", "alex-kim", "records");
    renameSync(records, outside);
    symlinkSync(outside, records);
    const before = readdirSync(outside);
    const added = await coach(["actions", "add", "alex-kim", "Call Acme"], { workspace });
    expect(added.code).toBe(2);
    expect(added.stderr).toContain("leads outside the workspace");
    expect(readdirSync(outside)).toEqual(before);
  });

  it("a report written with --out inside the workspace does not follow a symlink out of it", async () => {
    const workspace = await workspaceWithRep();
    const elsewhere = join(tempDir(), "report.md");
    writeFileSync(elsewhere, "mine\n");
    symlinkSync(elsewhere, join(workspace, "report.md"));
    const result = await coach(["review", "alex-kim", "--format", "md", "--out", join(workspace, "report.md")], {
      workspace,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("report.md leads outside the workspace");
    expect(read(elsewhere)).toBe("mine\n");
  });
});

describe("coach plan carries commitments forward", () => {
  it("lists every open commitment with its age and due date, overdue first; closed ones and drafts are left out", async () => {
    const workspace = await workspaceWithRep();
    const [soon, , closed] = await holdSession(
      workspace,
      {
        actions: [
          { text: "Due soon", due: "2026-11-27" },
          { text: "Long overdue", due: "2026-11-12" },
          { text: "Closed" },
        ],
      },
      ["--date", "2026-11-08"],
    );
    await coach(["actions", "add", "alex-kim", "No date yet", "--date", "2026-11-20"], { workspace });
    await coach(["actions", "add", "alex-kim", "Just overdue", "--due", "2026-11-21", "--date", "2026-11-15"], {
      workspace,
    });
    await coach(["actions", "done", closed!], { workspace });

    const result = await coach(["plan", "alex-kim", "--answers", answersFile(tempDir(), PROSPECTING_PLAN_ANSWERS)], {
      workspace,
    });
    expect(result.code, result.stderr).toBe(0);
    const section = writtenRecord(result).split("## Follow up on open commitments")[1]!.split("\n## ")[0]!;
    const items = section.split("\n").filter((l) => l.startsWith("- "));
    expect(items).toEqual([
      expect.stringMatching(/Long overdue \(rep; made 14 days ago, due 2026-11-12 \(10 days overdue\)\)$/),
      expect.stringMatching(/Just overdue \(rep; made 7 days ago, due 2026-11-21 \(1 day overdue\)\)$/),
      `- \`${soon}\` Due soon (rep; made 14 days ago, due 2026-11-27 (in 5 days))`,
      expect.stringMatching(/No date yet \(rep; made 2 days ago, no due date\)$/),
    ]);
  });
});
