import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { WHEN_FORMS } from "../../src/domain/when.js";
import { coach, read, recordFiles, tempDir, writeFile } from "../helpers.js";
import { PROSPECTING_SESSION_ANSWERS } from "../session-fixtures.js";

let workspace: string;
const run = (argv: string[]) => coach(argv, { cwd: workspace });
const answers = (extra: Record<string, unknown>) =>
  writeFile(join(tempDir(), "answers.yaml"), stringify({ ...PROSPECTING_SESSION_ANSWERS, ...extra }));

/** Every file and folder under `dir`, relative, for spotting leftover temp or lock files. */
function everything(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

beforeEach(async () => {
  workspace = tempDir();
  expect((await coach(["init", workspace])).code).toBe(0);
  expect((await run(["rep", "add", "Alex Kim", "--focus", "prospecting", "--goal", "Run discovery alone"])).code).toBe(
    0,
  );
});

async function sessionWith(actions: unknown[], argv: string[] = []): Promise<string[]> {
  const result = await run(["--json", "session", "alex-kim", "--answers", answers({ actions }), ...argv]);
  expect(result.code, result.stderr).toBe(0);
  const list = JSON.parse((await run(["--json", "actions", "--all"])).stdout) as { id: string; text: string }[];
  return actions.map((a) => list.find((row) => row.text === (a as { text: string }).text)!.id);
}

describe("coach session (--answers)", () => {
  it("records the session, closes followed-up actions in their records, and prints what it wrote", async () => {
    const [a, b] = await sessionWith(
      [
        { text: "Send the recap", due: "friday" },
        { text: "Book the review", due: "2w", owner: "manager" },
      ],
      ["--date", "2026-11-15"],
    );
    const result = await run([
      "--json",
      "session",
      "alex-kim",
      "--answers",
      answers({ follow_ups: { [a!]: "done", [b!]: "open" }, actions: [{ text: "Next step" }] }),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as { written: string[]; id: string };
    const [first, second] = recordFiles(workspace, "alex-kim");
    expect(out.written).toEqual([second, first]);
    expect(read(first!)).toContain(`- [x] \`${a}\` Send the recap (rep, due 2026-11-20) (done 2026-11-22)`);
    expect(read(first!)).toContain(`- [ ] \`${b}\` Book the review (manager, due 2026-11-29)`);
    expect(read(second!)).toMatch(/follow_ups:\n {2}- action: \w+\n {4}text: Send the recap\n {4}status: done\n/);
    const open = JSON.parse((await run(["--json", "actions"])).stdout) as { id: string; text: string }[];
    expect(open.map((r) => r.text)).toEqual(["Book the review", "Next step"]);
  });

  it("without follow-up answers, exits 2 listing them like any missing answer", async () => {
    const [a] = await sessionWith([{ text: "Send the recap" }], ["--date", "2026-11-15"]);
    const { goal: _, ...rest } = PROSPECTING_SESSION_ANSWERS;
    const file = writeFile(join(tempDir(), "a.yaml"), stringify(rest));
    const before = everything(workspace);

    const plain = await run(["session", "alex-kim", "--answers", file]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      `error: missing answers: ${a}, goal; answer them in a terminal, or give them with --answers FILE\n`,
    );
    const json = await run(["--json", "session", "alex-kim", "--answers", file]);
    expect(json.code).toBe(2);
    const error = (JSON.parse(json.stderr) as { error: { code: string; missing: unknown[] } }).error;
    expect(error.code).toBe("missing_answers");
    expect(error.missing[0]).toEqual({
      id: a,
      key: "follow_ups",
      type: "choice",
      prompt: expect.stringContaining("Send the recap"),
      choices: ["done", "tried", "open", "dropped"],
    });
    expect(everything(workspace)).toEqual(before);
  });

  it("refuses an answer holding a control character, at its line, and a file or stdin that is not UTF-8", async () => {
    // YAML escapes make them: a record keeping BEL or ESC would be binary to git, or drive the terminal.
    const bell = await run(["session", "alex-kim", "--answers", answers({ goal: "Ring\x07 the bell" })]);
    expect(bell.code).toBe(2);
    expect(bell.stderr).toMatch(/answers\.yaml:\d+:7: goal: holds a control character \(U\+0007\); remove it/);
    const withEscape = answers({ actions: [{ text: "\u001b[31mCall" }] });
    expect((await run(["session", "alex-kim", "--answers", withEscape])).stderr).toContain(
      "actions.0.text: holds a control character (U+001B); remove it",
    );

    const latin1 = Buffer.concat([
      Buffer.from(stringify(PROSPECTING_SESSION_ANSWERS)),
      Buffer.from("note: caf\xe9\n", "latin1"),
    ]);
    const file = join(tempDir(), "latin1.yaml");
    writeFileSync(file, latin1);
    const offset = latin1.indexOf(0xe9);
    for (const [argv, stdin, shownAs] of [
      [["--answers", file], undefined, file],
      [["--answers", "-"], latin1, "<stdin>"],
    ] as const) {
      const result = await coach(["session", "alex-kim", ...argv], { cwd: workspace, stdin });
      expect([result.code, result.stderr.split("\n")[0]]).toEqual([
        2,
        `error: ${shownAs}: not valid UTF-8 at byte ${offset}; save the file as UTF-8 (or fix that byte by hand); it was left unchanged`,
      ]);
    }
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });

  it("stops reading stdin at 1 MB, so a pipe that never ends is refused, not waited on", async () => {
    const endless = Readable.from(
      (function* () {
        for (;;) yield "goal: more\n";
      })(),
    );
    const result = await coach(["session", "alex-kim", "--answers", "-"], { cwd: workspace, stdin: endless });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: <stdin>:1:1: the YAML is over the 1 MB limit; shorten it or split it up\n");
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });

  it("a due date it cannot read is exit 2, naming the accepted forms", async () => {
    const result = await run([
      "session",
      "alex-kim",
      "--answers",
      answers({ actions: [{ text: "Call", due: "someday" }] }),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`actions[0].due: 'someday' is not a date I know; use one of: ${WHEN_FORMS}`);
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });
});
