import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadPack } from "../../src/store/packs.js";
import { coach, TODAY, tempDir, writeFile } from "../helpers.js";

interface Missing {
  id: string;
  type: string;
  key?: string;
  choices?: (string | { value: string })[];
  min?: number;
}

/** Answers for every missing question, as a script would write them from the `missing` list alone. */
function answersFor(missing: Missing[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of missing) {
    if (question.key === "focus_choice") answers.focus_choice = "keep";
    else if (question.key === "actions") answers.actions = [{ text: "Try it on the next call", due: "1w" }];
    else if (question.key === undefined) answers[question.id] = valueFor(question);
  }
  return answers;
}

function valueFor({ type, choices, min }: Missing): unknown {
  const first = choices?.[0];
  const choice = typeof first === "string" ? first : first?.value;
  const values: Record<string, unknown> = {
    scale: 3,
    confirm: false,
    number: min ?? 1,
    date: TODAY,
    list: ["Ask the buyer"],
    choice,
    multi: [choice],
  };
  return type in values ? values[type] : "What the buyer said";
}

/** Runs a write command as a script: once to learn what is missing, then with those answers. */
async function completeFromMissing(argv: string[], workspace: string) {
  const first = await coach(["--json", ...argv], { workspace });
  expect(first.code, first.stderr).toBe(2);
  const { missing } = (JSON.parse(first.stderr) as { error: { missing: Missing[] } }).error;
  const file = writeFile(join(tempDir(), "answers.yaml"), stringify(answersFor(missing)));
  const done = await coach(["--json", ...argv, "--answers", file], { workspace });
  expect(done.code, done.stderr).toBe(0);
  const [record] = (JSON.parse(done.stdout) as { written: string[] }).written;
  return readFileSync(record!, "utf8");
}

describe("coach init --process", () => {
  it.each(["meddpicc", "spin", "sandler", "bant"])("%s: plans and holds a session on a pack stage", async (name) => {
    const workspace = join(tempDir(), "team");
    const init = await coach(["init", workspace, "--process", name]);
    expect(init.code, init.stderr).toBe(0);
    const pack = await loadPack(name);
    expect(init.stderr).toContain(`Process: ${pack.title}: ${pack.config.stages.length} stages in coach.yaml`);
    for (const { path } of pack.templates) expect(existsSync(join(workspace, path)), path).toBe(true);
    expect((await coach(["templates", "validate"], { workspace })).code).toBe(0);

    const stage = pack.config.stages[1]!;
    await coach(["rep", "add", "Alex Kim", "--focus", stage.id], { workspace });
    const plan = await completeFromMissing(["plan", "alex-kim", "--stage", stage.id], workspace);
    expect(plan).toContain(`template: ${name}-plan-${stage.id}`);
    expect(plan).toContain(stage.gates[0]!.text);
    const session = await completeFromMissing(["session", "alex-kim"], workspace);
    expect(session).toContain(`template: ${name}-session-${stage.id}`);
    expect(session).toContain(`stage: ${stage.id}`);
  });

  it("default writes the built-in process and copies no templates", async () => {
    const workspace = join(tempDir(), "team");
    const result = await coach(["--json", "init", workspace, "--process", "Default"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).written).toHaveLength(4);
    const config = readFileSync(join(workspace, "coach.yaml"), "utf8");
    expect(config).toMatch(/^# coach workspace settings/);
    expect(config).toContain("id: need-admitted");
  });

  it("refuses an unknown process with a did-you-mean and the list, and writes nothing", async () => {
    const workspace = join(tempDir(), "team");
    const result = await coach(["init", workspace, "--process", "sandlr"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: no process pack 'sandlr'; did you mean 'sandler'? packs: default, bant, meddpicc, sandler, spin " +
        "(see `coach templates packs`)\n",
    });
    expect(existsSync(workspace)).toBe(false);
  });
});

describe("coach templates packs", () => {
  it("lists each pack with its stages and template count", async () => {
    const json = JSON.parse((await coach(["--json", "templates", "packs"])).stdout);
    expect(json.map((p: { name: string }) => p.name)).toEqual(["default", "bant", "meddpicc", "sandler", "spin"]);
    expect(json).toContainEqual({
      name: "meddpicc",
      title: "MEDDPICC",
      stages: ["discover", "qualify", "validate", "commit"],
      templates: 12,
    });
    const text = await coach(["templates", "packs"], { columns: 200 });
    expect(text.stdout).toMatch(/^NAME\s+TEMPLATES\s+TITLE\s+STAGES\n/);
    expect(text.stdout).toMatch(/\nspin\s+12\s+SPIN Selling\s+investigating, demonstrating, obtaining-commitment\n/);
  });
});
