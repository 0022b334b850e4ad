import { mkdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { templateSchema } from "../../src/domain/template.js";
import { MAX_YAML_BYTES } from "../../src/store/yaml-file.js";
import { parseYaml } from "../../src/store/yaml-source.js";
import { coach } from "../helpers.js";
import { workspaceWithRep } from "../session-fixtures.js";

const template = (extra: string) =>
  `id: t\ntitle: T\nkind: session\nstages: [discovery]\ncoaching_kind: training\nfocus: both\n${extra}`;

describe("parseYaml: errors a person can act on", () => {
  it("points a syntax error at its line and column", () => {
    const parsed = parseYaml(z.unknown(), "a: 1\nb: [unclosed\n", "t.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:\d+:\d+: /);
  });

  it("points a schema error at the offending value", () => {
    const parsed = parseYaml(
      templateSchema(),
      template("questions:\n  - id: q1\n    prompt: Hi\n    type: essay\n"),
      "t.yaml",
    );
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:10:11: questions\.0\.type: /);
  });

  it("points a missing key at its parent", () => {
    const parsed = parseYaml(templateSchema(), template("questions:\n  - id: q1\n"), "t.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:8:5: questions\.0\.prompt: /);
  });

  it("refuses duplicate keys", () => {
    const parsed = parseYaml(z.unknown(), "a: 1\na: 2\n", "t.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:2:1: .*unique/i);
  });

  it("refuses an alias bomb", () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`,
      ),
    ].join("\n");
    const parsed = parseYaml(z.unknown(), bomb, "bomb.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^bomb\.yaml:1:1: .*alias/i);
  });

  it("refuses custom tags such as !!js/function", () => {
    const parsed = parseYaml(z.unknown(), "a: !!js/function 'function () { return 1 }'\n", "t.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:1:4: .*tag/i);
  });

  it("refuses a heroic template with the reason", () => {
    const parsed = parseYaml(
      templateSchema(),
      template("questions: [{id: a, prompt: b}]").replace("coaching_kind: training", "coaching_kind: heroic"),
      "t.yaml",
    );
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:5:16: coaching_kind: heroic coaching .* never planned/);
  });

  it("refuses a condition that can never hold", () => {
    const parsed = parseYaml(
      templateSchema(),
      template(
        "questions:\n  - {id: won, prompt: Won?, type: confirm}\n  - {id: why, prompt: Why?, when: {question: won, equals: 'no'}}\n",
      ),
      "t.yaml",
    );
    expect(!parsed.ok && parsed.problem).toMatch(/yes\/no question: compare it with true or false/);
  });
});

describe("no YAML library prints to stderr", () => {
  it.each(["!urgent: call the CFO", "%p draft", "%YAML 1.1 notes", "{a: 1}: b"])(
    "`actions add` with %s prints only coach's own line, and the text round-trips",
    async (text) => {
      const workspace = await workspaceWithRep();
      // `yaml` warns through process.emitWarning, which writes to the real stderr, not coach's stream.
      const warn = vi.spyOn(process, "emitWarning");
      try {
        const added = await coach(["actions", "add", "alex-kim", text], { workspace });
        expect(added.code, added.stderr).toBe(0);
        const id = added.stdout.trim();
        expect(added.stderr).toBe(
          `Added \`${id}\` for Alex Kim: ${text} (rep, no due date); close it with \`coach actions done ${id}\`\n`,
        );
        const listed = await coach(["--json", "actions", "alex-kim"], { workspace });
        expect(listed.stderr).toBe("");
        expect((JSON.parse(listed.stdout) as { id: string; text: string }[]).find((a) => a.id === id)?.text).toBe(text);
        expect(warn).not.toHaveBeenCalled();
      } finally {
        warn.mockRestore();
      }
    },
  );

  it("reports an unknown tag or directive as a problem with its position, printing nothing", () => {
    const warn = vi.spyOn(process, "emitWarning");
    try {
      expect(parseYaml(z.unknown(), "a: !urgent call\n", "t.yaml")).toMatchObject({
        ok: false,
        problem: /^t\.yaml:1:4: /,
      });
      expect(parseYaml(z.unknown(), "%p draft\n---\na: 1\n", "t.yaml")).toMatchObject({
        ok: false,
        problem: /^t\.yaml:1:1: /,
      });
      expect(parseYaml(z.unknown(), "? [a]\n: b\n", "t.yaml").ok).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe("hostile sizes", () => {
  it("refuses YAML over 1 MB at once, naming the file and the limit", () => {
    const text = `manager: "${"x".repeat(10 * MAX_YAML_BYTES)}"\n`;
    const started = cpuMs();
    const parsed = parseYaml(z.unknown(), text, "coach.yaml");
    expect(cpuMs() - started).toBeLessThan(200);
    expect(parsed).toEqual({
      ok: false,
      problem: "coach.yaml:1:1: the YAML is 10.0 MB, over the 1 MB limit; shorten it or split it up",
    });
    // Multi-byte text counts in bytes, as on disk.
    expect(parseYaml(z.unknown(), `a: ${"é".repeat(MAX_YAML_BYTES / 2 + 1)}`, "t.yaml").ok).toBe(false);
    expect(parseYaml(z.unknown(), `a: ${"x".repeat(MAX_YAML_BYTES - 10)}`, "t.yaml").ok).toBe(true);
  });

  it.each([
    ["coach.yaml", (dir: string) => join(dir, "coach.yaml"), ["rep", "list"]],
    ["a template", (dir: string) => join(dir, "templates", "session", "big.yaml"), ["templates", "list"]],
    ["an answers file", (dir: string) => join(dir, "answers.yaml"), ["plan", "alex-kim", "--answers", "answers.yaml"]],
  ])("refuses %s of 10 MB in well under a second, exit 2, naming the file and the limit", async (_, where, argv) => {
    const workspace = await workspaceWithRep();
    const file = where(workspace);
    // The same command on small files first: it loads the code, and gives the time to compare with.
    let started = cpuMs();
    await coach(argv, { workspace });
    const usual = cpuMs() - started;
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, `title: "${"x".repeat(10 * MAX_YAML_BYTES)}"\n`);
    started = cpuMs();
    const result = await coach(argv, { workspace });
    // Parsing it would take seconds of CPU and hundreds of megabytes; refusing it costs at most reading it.
    expect(cpuMs() - started).toBeLessThan(usual + 300);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^(error|warning): .*1:1: the YAML is 10\.0 MB, over the 1 MB limit/);
    expect(result.stderr).toContain(file.slice(workspace.length + 1));
  });

  it("refuses a file too big to read by its size alone: exit 2 or a warning, never an unexpected error", async () => {
    const workspace = await workspaceWithRep();
    const GB3 = 3 * 1024 ** 3;
    /** A sparse file: 3 GB that take no disk, and more than Node can read into one string. */
    const huge = (path: string) => {
      mkdirSync(join(workspace, path, ".."), { recursive: true });
      writeFileSync(join(workspace, path), "");
      truncateSync(join(workspace, path), GB3);
    };
    const yamlTooBig = "1:1: the YAML is 3072.0 MB, over the 1 MB limit; shorten it or split it up";
    const fileTooBig = "1:1: the file is 3072.0 MB, over the 16 MB limit; shorten it or split it up";
    const cases: [string, string[], number, string][] = [
      ["answers.yaml", ["plan", "alex-kim", "--answers", "answers.yaml"], 2, `error: answers.yaml:${yamlTooBig}`],
      ["templates/session/big.yaml", ["templates", "validate"], 2, `error: templates/session/big.yaml:${yamlTooBig}`],
      ["reps/alex-kim/deals/acme.md", ["deal", "show", "acme"], 2, `error: reps/alex-kim/deals/acme.md:${fileTooBig}`],
      [
        "reps/alex-kim/deals/acme.md",
        ["deal", "list"],
        0,
        `warning: skipped a broken deal: reps/alex-kim/deals/acme.md:${fileTooBig}`,
      ],
      [
        "reps/alex-kim/records/2026-11-01-session-x-abcd.md",
        ["review", "alex-kim"],
        0,
        `warning: skipped a broken record: reps/alex-kim/records/2026-11-01-session-x-abcd.md:${fileTooBig}`,
      ],
    ];
    for (const [path, argv, code, line] of cases) {
      huge(path);
      const result = await coach(argv, { workspace });
      expect(result, argv.join(" ")).toMatchObject({ code });
      expect(result.stderr.replaceAll(`${workspace}/`, "")).toContain(line);
      expect(statSync(join(workspace, path)).size).toBe(GB3);
    }
  });
});

/** CPU time this process has used, in ms: unlike the wall clock, it does not grow with the machine's load. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
