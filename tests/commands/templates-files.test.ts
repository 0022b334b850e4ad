import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, tempDir, writeFile } from "../helpers.js";

const header =
  "id: my-discovery\ntitle: My discovery\nkind: session\nstages: [discovery]\ncoaching_kind: training\nfocus: both\n";

async function workspace() {
  const dir = tempDir();
  await coach(["init"], { cwd: dir });
  return dir;
}

describe("coach templates", () => {
  it("lists built-ins with filters, as text and as JSON", async () => {
    const dir = await workspace();
    const text = await coach(["templates", "list", "--kind", "session", "--stage", "qualification"], { cwd: dir });
    expect(text.stdout).toMatch(/^ID\s+KIND\s+STAGES/);
    expect(text.stdout).toContain("session-qualification");
    expect(text.stdout).not.toContain("session-discovery");
    const json = JSON.parse((await coach(["templates", "list", "--json"], { cwd: dir })).stdout);
    expect(json).toContainEqual({
      id: "session-discovery",
      title: expect.any(String),
      kind: "session",
      stages: ["discovery"],
      coaching_kind: "training",
      focus: "both",
      source: "built-in",
    });
    expect(await coach(["templates", "list", "--kind", "essay"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "error: --kind: expected one of plan, session, drill; see the command's --help\n",
    });
  });

  it("lets a workspace template override a built-in by id, shown with its path", async () => {
    const dir = await workspace();
    const file = writeFile(
      join(dir, "templates/session/session-discovery.yaml"),
      `${header.replace("my-discovery", "session-discovery")}questions:\n  - id: q\n    prompt: What did you hear?\n`,
    );
    const json = JSON.parse((await coach(["templates", "list", "--json", "--kind", "session"], { cwd: dir })).stdout);
    expect(json.filter((t: { id: string }) => t.id === "session-discovery")).toEqual([
      expect.objectContaining({ source: file }),
    ]);
    const shown = await coach(["templates", "show", "session-discovery"], { cwd: dir });
    expect(shown.stdout).toContain("1. What did you hear?");
  });

  it("shows a template as parsed with --json", async () => {
    const shown = JSON.parse(
      (await coach(["templates", "show", "drill-paraphrasing", "--json"], { cwd: await workspace() })).stdout,
    );
    expect(shown).toMatchObject({ id: "drill-paraphrasing", kind: "drill", rounds: expect.any(Array) });
  });

  it.each([
    ["a YAML syntax error", "questions:\n  - id: q\n    prompt: [oops\n", /my-discovery\.yaml:\d+:\d+: /],
    [
      "an unknown question type",
      "questions:\n  - id: q\n    prompt: Hi\n    type: essay\n",
      /my-discovery\.yaml:10:11: questions\.0\.type: 'essay' is not one of text, editor, choice/,
    ],
    ["a stage not in coach.yaml", "questions:\n  - {id: q, prompt: Hi}\n", null],
    ["an alias bomb", `questions: &a [*a]\n`, /my-discovery\.yaml:\d+:\d+: /],
    ["a custom tag", "questions: !!js/function 'f()'\n", /my-discovery\.yaml:7:12: .*tag/],
    [
      "heroic coaching",
      "questions:\n  - {id: q, prompt: Hi}\n",
      /my-discovery\.yaml:5:16: coaching_kind: heroic coaching .* never planned/,
    ],
  ])("validate reports %s as file:line:col, exit 2", async (name, body, pattern) => {
    const dir = await workspace();
    let text = header + body;
    if (name === "a stage not in coach.yaml") text = text.replace("[discovery]", "[discovry]");
    if (name === "heroic coaching") text = text.replace("training", "heroic");
    const file = writeFile(join(dir, "templates/session/my-discovery.yaml"), text);
    const result = await coach(["templates", "validate"], { cwd: dir });
    expect(result.code).toBe(2);
    const [first] = result.stderr.split("\n");
    expect(first!.startsWith(`error: ${file}:`)).toBe(true);
    expect(first).toMatch(
      pattern ?? /my-discovery\.yaml:4:1: stage 'discovry' is not in coach\.yaml; did you mean 'discovery'\?/,
    );
    expect(result.stderr).toMatch(/error: 1 problem\(s\) in 1 of 2 file\(s\); fix each file:line:col above\n$/);
    // Every other command refuses to run on a broken template rather than ignore it.
    expect((await coach(["templates", "list"], { cwd: dir })).code).toBe(2);
  });

  it("validates given paths and says when all is well", async () => {
    const dir = await workspace();
    const good = writeFile(
      join(dir, "t/my-discovery.yaml"),
      `${header}questions:\n  - {id: q, prompt: What did you hear?}\n`,
    );
    expect(await coach(["templates", "validate", good], { cwd: dir })).toEqual({
      code: 0,
      stdout: "",
      stderr: "coach.yaml and 1 template file(s) valid\n",
    });
    expect(await coach(["templates", "validate", "missing/"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("no template files at"),
    });
  });
});
