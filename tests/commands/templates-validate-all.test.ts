import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, tempDir, writeFile } from "../helpers.js";

const BROKEN_CONFIG = `managr: Dana
stage:
  - id: scoping
    name: Scoping
cadence:
  one_on_one_days: 7
  drill_dayz: 5
`;

const GOOD_CONFIG = `manager: Dana
stages:
  - id: scoping
    name: Scoping
    skills: [framing]
`;

/** Four mistakes: an id that is not the file name, a drill filed under session/, an unknown stage, a misspelt value, and a misspelt key. */
const FOUR_MISTAKES = `id: wrong-name
title: Our scoping talk
kind: drill
stages: [scopin]
coaching_kind: traning
focus: skillset
questions:
  - id: q
    promt: What did the buyer say?
`;

describe("coach templates validate", () => {
  it("checks coach.yaml too and reports every problem of every file in one run, each at its line", async () => {
    const workspace = tempDir();
    const config = writeFile(join(workspace, "coach.yaml"), BROKEN_CONFIG);
    const template = writeFile(join(workspace, "templates", "session", "my-session.yaml"), FOUR_MISTAKES);
    const broken = await coach(["templates", "validate"], { workspace });
    expect(broken.code).toBe(2);
    expect(broken.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${config}:1:1: managr: unknown key; did you mean 'manager'?`,
      `error: ${config}:2:1: stage: unknown key; did you mean 'stages'?`,
      `error: ${config}:7:3: cadence.drill_dayz: unknown key; did you mean 'drill_days'?`,
      `error: ${template}:1:1: id 'wrong-name' does not match the file name 'my-session'; rename the file to wrong-name.yaml or change the id`,
      `error: ${template}:3:1: kind 'drill' does not match its folder session/; move it to templates/drill/ or change the kind`,
      `error: ${template}:5:16: coaching_kind: 'traning' is not one of advisor, performance, deal, training; did you mean 'training'?`,
      `error: ${template}:9:5: questions.0.promt: unknown key; did you mean 'prompt'?`,
      "error: 7 problem(s) in 2 of 2 file(s); stages and skills in templates are checked once coach.yaml is fixed; fix each file:line:col above",
    ]);

    writeFile(config, GOOD_CONFIG);
    const fixedConfig = await coach(["--json", "templates", "validate"], { workspace });
    expect(fixedConfig.code).toBe(2);
    const { problems } = JSON.parse(fixedConfig.stderr).error;
    expect(problems).toHaveLength(5);
    expect(problems[2]).toBe(`${template}:4:1: stage 'scopin' is not in coach.yaml; did you mean 'scoping'?`);
  });

  it("reports a wrong ask: count together with the template's other problems", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const template = writeFile(
      join(workspace, "templates", "session", "bank.yaml"),
      [
        "id: bank",
        "title: A bank of reality questions",
        "kind: session",
        "stages: [scoping]",
        "coaching_kind: traning",
        "focus: skillset",
        "ask: { reality: 3 }",
        "questions:",
        "  - { id: r1, grow: reality, prompt: What happened? }",
        "  - { id: r2, grow: reality, required: false, promt: Who talked? }",
        "",
      ].join("\n"),
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${template}:5:16: coaching_kind: 'traning' is not one of advisor, performance, deal, training; did you mean 'training'?`,
      `error: ${template}:7:17: ask.reality: asks 3 reality questions but the step has 2 (without a 'when'); lower it to 2 or add questions with grow: reality`,
      `error: ${template}:10:47: questions.1.promt: unknown key; did you mean 'prompt'?`,
      "error: 3 problem(s) in 1 of 2 file(s); fix each file:line:col above",
    ]);
  });

  it("says coach.yaml is valid with the templates", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("coach.yaml valid; no template files in");
  });

  it("any other command names the first problem of a broken coach.yaml and how many more there are", async () => {
    const workspace = tempDir();
    const config = writeFile(join(workspace, "coach.yaml"), BROKEN_CONFIG);
    const result = await coach(["rep", "list"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `error: ${config}:1:1: managr: unknown key; did you mean 'manager'? (and 2 more problems in this file)`,
    );
    expect(result.stderr).toContain("`coach templates validate` lists every problem");
  });
});
